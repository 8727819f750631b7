using DeltaStream.Providers.Redis;
using DeltaStream.Ticks;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;

namespace DeltaStream.Providers.Tests;

public sealed class StreamPartMergerTests
{
    private static readonly DateOnly Expiry = new(2026, 12, 8);
    private static readonly DateTime T0 = new(2026, 12, 2, 9, 15, 0, DateTimeKind.Utc);
    private static readonly StreamId Chain = MarketStreams.Chain(new ChainId("NIFTY", Expiry));
    private static readonly StreamId Underlying = MarketStreams.Underlying("NIFTY");

    [Fact]
    public void A_reads_parts_for_one_stream_from_one_producer_come_out_as_one_container_in_order_with_the_last_token()
    {
        var merger = new StreamPartMerger();
        merger.Add(Chain, Options("feed", 1, 2), Token(10, 0));
        merger.Add(Chain, Options("feed", 3), Token(20, 0));
        merger.Add(Chain, Options("feed", 4, 5), Token(30, 1));

        var container = Assert.IsType<RedisBatchContainer>(Assert.Single(merger.ToContainers()));
        Assert.Equal([1L, 2, 3, 4, 5], container.Batch.Options.Select(o => o.Sequence));
        Assert.Equal(Token(30, 1), container.Token);
        Assert.Equal("feed", container.Batch.Source);
    }

    [Fact]
    public void Parts_from_different_producers_stay_apart_in_their_order()
    {
        var merger = new StreamPartMerger();
        merger.Add(Chain, Options("a", 1), Token(10, 0));
        merger.Add(Chain, Options("b", 1), Token(20, 0));
        merger.Add(Chain, Options("b", 2), Token(30, 0));

        var containers = merger.ToContainers().Cast<RedisBatchContainer>().ToArray();
        Assert.Equal(["a", "b"], containers.Select(c => c.Batch.Source));
        Assert.Equal([Token(10, 0), Token(30, 0)], containers.Select(c => c.Token));
        Assert.Equal([1L, 2], containers[1].Batch.Options.Select(o => o.Sequence));
    }

    [Fact]
    public void Spot_ticks_after_option_ticks_are_not_joined_as_the_batch_would_apply_them_first()
    {
        var merger = new StreamPartMerger();
        merger.Add(Chain, Spot("feed", 1) with { Options = Options("feed", 1).Options }, Token(10, 0));
        merger.Add(Chain, Spot("feed", 2), Token(20, 0));
        merger.Add(Chain, Options("feed", 2), Token(30, 0));

        // The second part's spot must follow the first part's options; the third (options only) may join the second.
        var containers = merger.ToContainers().Cast<RedisBatchContainer>().ToArray();
        Assert.Equal(2, containers.Length);
        Assert.Equal([2L], containers[1].Batch.Underlying.Select(u => u.Sequence));
        Assert.Equal([2L], containers[1].Batch.Options.Select(o => o.Sequence));
        Assert.Equal(Token(30, 0), containers[1].Token);
    }

    [Fact]
    public void Containers_come_out_in_token_order_when_a_joined_one_moves_to_its_last_parts_place()
    {
        var merger = new StreamPartMerger();
        merger.Add(Chain, Options("feed", 1), Token(10, 0));
        merger.Add(Underlying, Spot("feed", 1), Token(10, 1));
        merger.Add(Chain, Options("feed", 2), Token(20, 0));

        var containers = merger.ToContainers().Cast<RedisBatchContainer>().ToArray();
        Assert.Equal([Underlying, Chain], containers.Select(c => c.StreamId));
        Assert.Equal([Token(10, 1), Token(20, 0)], containers.Select(c => c.Token));
        Assert.Equal(2, merger.Count);
    }

    private static EventSequenceTokenV2 Token(long position, int index) => new(position, index);

    private static TickBatch Options(string source, params long[] sequences) =>
        new("NIFTY", [], [.. sequences.Select(s => new OptionTick(Expiry, 24300, OptionRight.Call, T0.AddSeconds(s), s, 10.5, 10.7, 10.6, s, 1000 + s))], source);

    private static TickBatch Spot(string source, long sequence) =>
        new("NIFTY", [new UnderlyingTick(T0.AddSeconds(sequence), sequence, 24350 + sequence, sequence)], [], source);
}
