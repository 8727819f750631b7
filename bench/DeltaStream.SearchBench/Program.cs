using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DeltaStream.Search;

// Embedding cost per chunk (one at a time and in batches), the whole index build, and query latency with recall@3
// over the labelled questions the tests use. Usage: DeltaStream.SearchBench [query-rounds=20]
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var clock = Stopwatch.StartNew();
using var embedder = new MiniLmEmbedder();
Console.WriteLine($"model load: {clock.Elapsed.TotalMilliseconds:F0} ms");

var corpus = DocumentSearch.DefaultCorpus;
var passages = Directory.GetFiles(corpus, "*.md", SearchOption.AllDirectories)
    .SelectMany(f => MarkdownChunker.Chunk(Path.GetRelativePath(corpus, f), File.ReadAllText(f), ChunkingOptions.Default))
    .Select(DocumentSearch.EmbeddedText)
    .ToArray();
Console.WriteLine($"corpus: {passages.Length} chunks, {passages.Average(p => p.Split(' ').Length):F0} words on average");
embedder.Embed([passages[0]], CancellationToken.None);

foreach (var batch in new[] { 1, 8, 32 })
{
    clock.Restart();
    foreach (var group in passages.Chunk(batch))
    {
        embedder.Embed(group, CancellationToken.None);
    }

    Console.WriteLine($"embed, batches of {batch}: {clock.Elapsed.TotalMilliseconds / passages.Length:F1} ms per chunk ({clock.Elapsed.TotalSeconds:F1} s for all)");
}

clock.Restart();
var search = DocumentSearch.Build(corpus, embedder, ChunkingOptions.Default, CancellationToken.None);
Console.WriteLine($"index build (DocumentSearch.Build): {clock.Elapsed.TotalSeconds:F1} s for {search.Passages} passages");

var questions = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "questions.json"))).RootElement.EnumerateArray()
    .Select(q => (Question: q.GetProperty("question").GetString()!, Sources: q.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToArray()))
    .ToArray();
var latencies = new List<double>();
var found = 0;
for (var round = 0; round < rounds; round++)
{
    foreach (var (question, sources) in questions)
    {
        clock.Restart();
        var hits = search.Search(question, 3, CancellationToken.None);
        latencies.Add(clock.Elapsed.TotalMilliseconds);
        if (round == 0 && hits.Any(h => sources.Contains(h.Passage.Source)))
        {
            found++;
        }
        else if (round == 0)
        {
            Console.WriteLine($"miss: {question} -> {string.Join(", ", hits.Select(h => h.Passage.Source))}");
        }
    }
}

latencies.Sort();
double Percentile(double p) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(p * latencies.Count) - 1)];
Console.WriteLine($"query (embed + exact scan, top 3): p50 {Percentile(0.5):F1} ms, p99 {Percentile(0.99):F1} ms over {latencies.Count} queries");
Console.WriteLine($"recall@3: {(double)found / questions.Length:F2} ({found} of {questions.Length})");
