using System.Text;

namespace DeltaStream.Search;

/// <summary>
/// Splits markdown into passages: one section per heading (its heading path kept, e.g.
/// <c>Distributed mode (Redis) &gt; Feed entries</c>), each section cut into overlapping word windows.
/// </summary>
public static class MarkdownChunker
{
    public static IReadOnlyList<DocumentPassage> Chunk(string file, string markdown, ChunkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Words < 1 || options.Overlap < 0 || options.Overlap >= options.Words)
        {
            throw new ArgumentException("Chunks need at least one word and an overlap below their length.", nameof(options));
        }

        var passages = new List<DocumentPassage>();
        var headings = new List<(int Level, string Title)>();
        var section = new StringBuilder();
        var anchor = string.Empty;
        foreach (var line in markdown.Split('\n'))
        {
            if (Heading(line) is { } heading)
            {
                Flush(file, anchor, headings, section, options, passages);
                headings.RemoveAll(h => h.Level >= heading.Level);
                headings.Add(heading);
                anchor = Slug(heading.Title);
                continue;
            }

            section.Append(line).Append('\n');
        }

        Flush(file, anchor, headings, section, options, passages);
        return passages;
    }

    /// <summary>GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens.</summary>
    public static string Slug(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var slug = new StringBuilder(title.Length);
        foreach (var c in title.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private static (int Level, string Title)? Heading(string line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        return level is >= 1 and <= 6 && level < line.Length && line[level] == ' ' ? (level, line[(level + 1)..].Trim()) : null;
    }

    private static void Flush(string file, string anchor, List<(int Level, string Title)> headings, StringBuilder section, ChunkingOptions options, List<DocumentPassage> passages)
    {
        var words = section.ToString().Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
        section.Clear();
        if (words.Length == 0)
        {
            return;
        }

        var source = anchor.Length == 0 ? file : $"{file}#{anchor}";
        var path = string.Join(" > ", headings.Select(h => h.Title));
        var step = options.Words - options.Overlap;
        for (var start = 0; ; start += step)
        {
            var count = Math.Min(options.Words, words.Length - start);
            passages.Add(new DocumentPassage(source, path, string.Join(' ', words, start, count)));
            if (start + count >= words.Length)
            {
                break;
            }
        }
    }
}
