using DeltaStream.Providers.Redis;

namespace DeltaStream.Providers.Tests;

public sealed class DurableTrimTests
{
    private static readonly DateTime T0 = new(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_trim_point_moves_only_over_the_prefix_whose_every_stream_is_durable_past_it()
    {
        var trim = new DurableTrim();
        trim.Read("1-0", 10, ["chain/A", "underlying/A"], T0);
        trim.Read("2-0", 20, ["underlying/A"], T0);
        trim.Read("3-0", 30, [], T0);
        trim.Read("4-0", 40, ["chain/A"], T0);

        // One of the first entry's grains is durable past it, the other is not: nothing moves.
        Assert.Null(trim.Advance(new Dictionary<string, long> { ["chain/A"] = 40 }));
        Assert.Equal(T0, trim.OldestReadAt);

        // Both are past the first two; the third fed no grain and holds nothing back; the fourth's grain is behind.
        Assert.Equal("3-0", trim.Advance(new Dictionary<string, long> { ["chain/A"] = 39, ["underlying/A"] = 20 }));
        Assert.Equal(1, trim.Pending);
        Assert.Equal("4-0", trim.Advance(new Dictionary<string, long> { ["chain/A"] = 40 }));
        Assert.Null(trim.OldestReadAt);
    }
}
