namespace DeltaStream.Search.Tests;

public sealed class CosineIndexTests
{
    private static DocumentPassage Passage(string name) => new(name, name, name);

    [Fact]
    public void Nearest_passages_come_first_by_cosine_whatever_the_vector_lengths()
    {
        var index = new CosineIndex();
        index.Add(Passage("east"), [10, 0]);
        index.Add(Passage("north"), [0, 3]);
        index.Add(Passage("north-east"), [1, 1]);

        var hits = index.Search([2, 1], top: 2);

        // cos([2,1], [1,1]) = 3 / sqrt(10) = 0.949 beats cos([2,1], [10,0]) = 2 / sqrt(5) = 0.894.
        Assert.Equal(["north-east", "east"], hits.Select(h => h.Passage.Source));
        Assert.Equal(3 / Math.Sqrt(10), hits[0].Score, 6);
        Assert.Equal(2 / Math.Sqrt(5), hits[1].Score, 6);
    }

    [Fact]
    public void Equal_scores_keep_the_order_passages_were_added_in()
    {
        var index = new CosineIndex();
        index.Add(Passage("first"), [1, 0]);
        index.Add(Passage("second"), [2, 0]);

        Assert.Equal(["first", "second"], index.Search([1, 0], top: 5).Select(h => h.Passage.Source));
    }

    [Fact]
    public void Vectors_of_another_dimension_or_without_length_are_refused()
    {
        var index = new CosineIndex();
        index.Add(Passage("a"), [1, 0]);

        Assert.Throws<ArgumentException>(() => index.Add(Passage("b"), [1, 0, 0]));
        Assert.Throws<ArgumentException>(() => index.Add(Passage("c"), [0, 0]));
        Assert.Throws<ArgumentException>(() => index.Search([1, 0, 0], top: 1));
        Assert.Empty(new CosineIndex().Search([1, 0], top: 3));
    }
}
