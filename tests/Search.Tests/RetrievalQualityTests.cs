namespace DeltaStream.Search.Tests;

/// <summary>Retrieval over the shipped docs with the real model, on the labelled questions of TestData/questions.json.</summary>
public sealed class RetrievalQualityTests(DocsIndexFixture docs) : IClassFixture<DocsIndexFixture>
{
    /// <summary>The floor recall@3 must stay above; measured 0.92 (11 of 12) when the set was written.</summary>
    private const double RecallFloor = 0.8;

    [Fact]
    public void Writing_ticks_from_ones_own_program_finds_the_readme_feed_entry_passage_first()
    {
        var hits = docs.Search.Search("how do I write ticks from my own program?", 3, TestContext.Current.CancellationToken);

        Assert.Equal("README.md#feed-entries-writing-ticks-from-any-program", hits[0].Passage.Source);
        Assert.Contains("XADD", hits[0].Passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Recall_at_3_over_the_labelled_questions_is_above_the_floor()
    {
        var questions = LabelledQuestion.Load();
        var misses = new List<string>();
        foreach (var q in questions)
        {
            var top = docs.Search.Search(q.Question, 3, TestContext.Current.CancellationToken).Select(h => h.Passage.Source).ToArray();
            if (!top.Any(q.Sources.Contains))
            {
                misses.Add($"{q.Question} -> {string.Join(", ", top)}");
            }
        }

        var recall = (double)(questions.Count - misses.Count) / questions.Count;
        TestContext.Current.SendDiagnosticMessage($"recall@3 = {recall:F2} over {questions.Count} questions");
        Assert.True(recall >= RecallFloor, $"recall@3 {recall:F2} below {RecallFloor}; missed: {string.Join(" | ", misses)}");
    }

    [Fact]
    public void Every_shipped_document_is_indexed_and_scores_are_cosines()
    {
        var hits = docs.Search.Search("gamma exposure walls", 5, TestContext.Current.CancellationToken);

        Assert.True(docs.Search.Passages > 50, $"{docs.Search.Passages} passages");
        Assert.All(hits, h => Assert.InRange(h.Score, -1.0001, 1.0001));
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Score), hits.Select(h => h.Score));
    }
}
