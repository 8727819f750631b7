using DeltaStream.Providers.Redis;

namespace DeltaStream.Providers.Tests;

public sealed class FeedPartitionerTests
{
    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void Fnv1a32_matches_the_published_test_vectors(string text, uint hash)
    {
        Assert.Equal(hash, FeedPartitioner.Fnv1a32(text));
    }

    [Fact]
    public void Keys_follow_the_documented_layout()
    {
        var partitioner = new FeedPartitioner("deltastream", 8);
        var p = partitioner.PartitionOf("NIFTY");

        Assert.Equal((int)(FeedPartitioner.Fnv1a32("NIFTY") % 8), p);
        Assert.Equal($"deltastream:ticks:{p}", partitioner.StreamKey(p));
        Assert.Equal($"deltastream:ticks:{p}:dlq", partitioner.DeadLetterKey(p));
    }

    [Fact]
    public void Symbols_longer_than_the_stack_buffer_hash_the_same_way()
    {
        var longSymbol = new string('Z', 300);
        var expected = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(longSymbol))
        {
            expected = unchecked((expected ^ b) * 16777619u);
        }

        Assert.Equal(expected, FeedPartitioner.Fnv1a32(longSymbol));
    }

    [Theory]
    [InlineData("NIFTY", 1)]
    [InlineData("BANKNIFTY", 7)]
    [InlineData("FINNIFTY", 4)]
    [InlineData("SENSEX", 3)]
    [InlineData("AAPL", 3)]
    [InlineData("TSLA", 7)]
    [InlineData("SPY", 5)]
    [InlineData("QQQ", 2)]
    public void The_partitions_the_readme_lists_for_the_default_symbols_are_right(string symbol, int partition)
    {
        Assert.Equal(partition, new FeedPartitioner("deltastream", 8).PartitionOf(symbol));
    }
}
