namespace DeltaStream.Search.Tests;

public sealed class MarkdownChunkerTests
{
    [Fact]
    public void Sections_keep_their_heading_path_and_anchor()
    {
        const string markdown = "intro words\n# Title\nalpha\n## Sub part (one)\nbeta gamma\n### Deeper: yes\ndelta\n## Other\nepsilon\n";

        var passages = MarkdownChunker.Chunk("doc.md", markdown, ChunkingOptions.Default);

        Assert.Equal(
            [
                new DocumentPassage("doc.md", "", "intro words"),
                new DocumentPassage("doc.md#title", "Title", "alpha"),
                new DocumentPassage("doc.md#sub-part-one", "Title > Sub part (one)", "beta gamma"),
                new DocumentPassage("doc.md#deeper-yes", "Title > Sub part (one) > Deeper: yes", "delta"),
                new DocumentPassage("doc.md#other", "Title > Other", "epsilon"),
            ],
            passages);
    }

    [Fact]
    public void Long_sections_are_cut_into_windows_that_overlap()
    {
        var words = Enumerable.Range(1, 25).Select(i => $"w{i}").ToArray();

        var passages = MarkdownChunker.Chunk("doc.md", "# A\n" + string.Join(' ', words), new ChunkingOptions(Words: 10, Overlap: 3));

        Assert.Equal(["w1 w2 w3 w4 w5 w6 w7 w8 w9 w10", "w8 w9 w10 w11 w12 w13 w14 w15 w16 w17", "w15 w16 w17 w18 w19 w20 w21 w22 w23 w24", "w22 w23 w24 w25"],
            passages.Select(p => p.Text));
    }

    [Fact]
    public void A_section_that_fits_one_window_is_one_passage_and_empty_sections_none()
    {
        var passages = MarkdownChunker.Chunk("doc.md", "# A\n\n# B\none two three\n#not a heading\n", new ChunkingOptions(Words: 10, Overlap: 3));

        Assert.Equal([new DocumentPassage("doc.md#b", "B", "one two three #not a heading")], passages);
    }

    [Fact]
    public void An_overlap_as_long_as_the_window_is_refused()
    {
        Assert.Throws<ArgumentException>(() => MarkdownChunker.Chunk("doc.md", "x", new ChunkingOptions(Words: 5, Overlap: 5)));
    }
}
