using DeltaStream.Ticks;

namespace DeltaStream.Tests;

public sealed class MarketStreamRouterTests
{
    private static readonly DateOnly First = new(2026, 12, 1);
    private static readonly DateOnly Second = new(2026, 12, 8);
    private static readonly DateOnly Third = new(2026, 12, 15);
    private static readonly DateTime At = new(2026, 11, 27, 4, 0, 0, DateTimeKind.Utc);

    private static OptionTick Option(DateOnly expiry, long sequence) => new(expiry, 100, OptionRight.Call, At, sequence, 1, 2, 1.5, 1, 1);

    [Fact]
    public void Options_go_to_their_expirys_chain_with_the_spot_and_the_spot_goes_everywhere()
    {
        var spot = new UnderlyingTick(At, 1, 100, 5);
        var batch = new TickBatch("NIFTY", [spot], [Option(First, 2), Option(Second, 3), Option(First, 4)]);

        var routed = MarketStreamRouter.Route(batch, [First, Second, Third]).ToDictionary(r => r.Stream, r => r.Batch);

        Assert.Equal(4, routed.Count);
        Assert.Empty(routed[MarketStreams.Underlying("NIFTY")].Options);
        Assert.Equal([2L, 4L], routed[MarketStreams.Chain(new ChainId("NIFTY", First))].Options.Select(o => o.Sequence));
        Assert.Equal([3L], routed[MarketStreams.Chain(new ChainId("NIFTY", Second))].Options.Select(o => o.Sequence));
        var spotOnly = routed[MarketStreams.Chain(new ChainId("NIFTY", Third))];
        Assert.Empty(spotOnly.Options);
        Assert.All(routed.Values, b => Assert.Equal([spot], b.Underlying));
    }

    [Fact]
    public void A_batch_of_options_alone_touches_only_their_chains()
    {
        var routed = MarketStreamRouter.Route(new TickBatch("NIFTY", [], [Option(Second, 1)]), [First, Second]).ToArray();

        Assert.Equal(MarketStreams.Chain(new ChainId("NIFTY", Second)), Assert.Single(routed).Stream);
    }

    [Theory]
    [InlineData("NIFTY:2026-12-01", true)]
    [InlineData("BRK.B:2026-12-01", true)]
    [InlineData("NIFTY:2026-13-01", false)]
    [InlineData("NIFTY", false)]
    [InlineData(":2026-12-01", false)]
    [InlineData(null, false)]
    public void Chain_ids_round_trip_through_their_text_form(string? text, bool valid)
    {
        Assert.Equal(valid, ChainId.TryParse(text, out var chain));
        if (valid)
        {
            Assert.Equal(text, chain!.Value.ToString());
        }
    }
}
