using System.Globalization;
using DeltaStream.Calendars;
using DeltaStream.Grains;
using DeltaStream.Grains.Tests;
using DeltaStream.Instruments;
using DeltaStream.Providers.Redis;
using DeltaStream.Ticks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace DeltaStream.Providers.Tests;

/// <summary>Ticks through a real Redis into grains on two silos, by the Orleans stream API and by raw XADD.</summary>
public sealed class RedisStreamsTests(RedisClusterFixture fixture)
{
    private readonly TestCluster cluster = fixture.Value.Cluster;
    private readonly IDatabase redis = fixture.Value.Connection.GetDatabase();
    private readonly FeedPartitioner partitioner = fixture.Value.Partitioner;

    [Fact]
    public async Task A_batch_published_through_the_stream_api_is_written_in_the_documented_format_and_reaches_the_grains()
    {
        var (chain, now) = Chain("QQQ", 0);
        var (chainObserver, underlyingObserver) = (await ObserveChainAsync(chain), await ObserveUnderlyingAsync("QQQ"));
        var batch = new TickBatch("QQQ", [new UnderlyingTick(now, 10, 515.25, 3)], [new OptionTick(chain.Expiry, 516, OptionRight.Put, now, 11, 4.1, 4.3, 4.2, 20, 900)]);

        await cluster.Client.GetStreamProvider(MarketStreams.ProviderName).GetStream<TickBatch>(MarketStreams.Underlying("QQQ")).OnNextAsync(batch);

        var update = await chainObserver.NextChainUpdateAsync(u => u.Strikes.Count > 0);
        Assert.Equal(515.25, update.Spot);
        Assert.Equal(900, Assert.Single(update.Strikes).Put!.Oi);
        Assert.Equal(3, (await underlyingObserver.NextUnderlyingUpdateAsync(u => u.LastSequence == 10)).Volume);
        var entries = await redis.StreamRangeAsync(partitioner.StreamKey(partitioner.PartitionOf("QQQ")), "-", "+");
        var written = FeedEntryFormat.Decode(entries.Last()[FeedEntryFormat.DataField].ToString()).Batch!;
        Assert.Equal(batch.Underlying, written.Underlying);
        Assert.Equal(batch.Options, written.Options);
    }

    [Fact]
    public async Task An_entry_written_with_raw_xadd_reaches_the_chain_grain_of_its_symbol_and_expiry()
    {
        var (chain, now) = Chain("TSLA", 1);
        var observer = await ObserveChainAsync(chain);
        var ts = now.ToString("O", CultureInfo.InvariantCulture);
        var data = $$"""
            [{"kind":"underlying","symbol":"TSLA","ts":"{{ts}}","seq":1,"price":345.5,"volume":1},
             {"kind":"option","symbol":"TSLA","expiry":"{{chain.Expiry:yyyy-MM-dd}}","strike":350,"right":"C","ts":"{{ts}}","seq":2,"bid":9.8,"ask":10.2,"last":10,"volume":5,"oi":321}]
            """;

        await redis.StreamAddAsync(partitioner.StreamKey(partitioner.PartitionOf("TSLA")), "data", data);

        var update = await observer.NextChainUpdateAsync(u => u.Strikes.Count > 0);
        var call = Assert.Single(update.Strikes).Call!;
        Assert.Equal((10.0, 321L), (call.Mid!.Value, call.Oi));
        Assert.Equal(345.5, update.Spot);
    }

    [Fact]
    public async Task Malformed_entries_and_invalid_ticks_go_to_the_dead_letter_stream_with_reasons_while_valid_ticks_apply()
    {
        var (chain, now) = Chain("SPY", 2);
        var observer = await ObserveChainAsync(chain);
        var partition = partitioner.PartitionOf("SPY");
        var key = partitioner.StreamKey(partition);
        var ts = now.ToString("O", CultureInfo.InvariantCulture);
        var later = now.AddHours(1).ToString("O", CultureInfo.InvariantCulture);
        var before = await redis.StreamLengthAsync(partitioner.DeadLetterKey(partition));

        await redis.StreamAddAsync(key, "data", "{not json");
        await redis.StreamAddAsync(key, "other", "no data field");
        await redis.StreamAddAsync(key, "data", $$"""
            [{"kind":"option","symbol":"SPY","expiry":"{{chain.Expiry:yyyy-MM-dd}}","strike":600,"right":"C","ts":"{{ts}}","seq":5,"bid":3,"ask":2,"last":2},
             {"kind":"option","symbol":"SPY","expiry":"2099-01-09","strike":600,"right":"C","ts":"{{ts}}","seq":6,"bid":1,"ask":2,"last":2},
             {"kind":"option","symbol":"SPY","expiry":"2001-01-05","strike":600,"right":"C","ts":"{{ts}}","seq":10,"bid":1,"ask":2,"last":2},
             {"kind":"underlying","symbol":"SPY","ts":"{{ts}}","seq":7,"price":-598},
             {"kind":"option","symbol":"SPY","expiry":"{{chain.Expiry:yyyy-MM-dd}}","strike":601,"right":"P","ts":"{{ts}}","seq":8,"bid":2.5,"ask":2.7,"last":2.6,"volume":1,"oi":77},
             {"kind":"option","symbol":"SPY","expiry":"{{chain.Expiry:yyyy-MM-dd}}","strike":600.5,"right":"P","ts":"{{ts}}","seq":9,"bid":2.5,"ask":2.7,"last":2.6},
             {"kind":"option","symbol":"SPY","expiry":"{{chain.Expiry:yyyy-MM-dd}}","strike":602,"right":"P","ts":"{{later}}","seq":11,"bid":2.5,"ask":2.7,"last":2.6}]
            """);
        await redis.StreamAddAsync(key, "data", $$"""[{"kind":"underlying","symbol":"NOPE","ts":"{{ts}}","seq":1,"price":1}]""");

        var update = await observer.NextChainUpdateAsync(u => u.Strikes.Any(s => s.Strike == 601));
        Assert.DoesNotContain(update.Strikes, s => s.Strike is 600 or 600.5 or 602);
        var dead = await WaitForDeadLettersAsync(partitioner.DeadLetterKey(partition), before + 9);
        var reasons = dead.Skip((int)before).Select(e => e["reason"].ToString().Split(':')[0]).ToArray();
        // Per entry: the format's refusals in tick order, then the catalog's and the clock's (an expiry never listed, one
        // that settled long ago, an off-ladder strike, a tick stamped an hour after it was written, an unknown symbol).
        Assert.Equal(["unparseable", "missingData", "crossedQuote", "badPrice", "unlistedExpiry", "expired", "offLadderStrike", "futureTimestamp", "unknownSymbol"], reasons);
        Assert.All(dead.Skip((int)before), e => Assert.False(e["entry"].IsNullOrEmpty));
    }

    [Fact]
    public async Task A_producer_on_the_stream_api_records_its_last_sequence_per_src_and_symbol_with_each_entry()
    {
        var store = cluster.Client.ServiceProvider.GetRequiredService<IProducerSequenceStore>();
        var stream = cluster.Client.GetStreamProvider(MarketStreams.ProviderName).GetStream<TickBatch>(MarketStreams.Underlying("AAPL"));
        var now = DateTime.UtcNow;

        Assert.Null(await store.LastSequenceAsync("feed-a", "AAPL", CancellationToken.None));
        await stream.OnNextAsync(new TickBatch("AAPL", [new UnderlyingTick(now, 41, 228.1, 1), new UnderlyingTick(now, 42, 228.2, 1)], [], "feed-a"));
        await stream.OnNextAsync(new TickBatch("AAPL", [new UnderlyingTick(now, 7, 228.3, 1)], []));

        Assert.Equal(42, await store.LastSequenceAsync("feed-a", "AAPL", CancellationToken.None));
        Assert.Equal(7, await store.LastSequenceAsync(null, "AAPL", CancellationToken.None));
        Assert.Null(await store.LastSequenceAsync("feed-a", "TSLA", CancellationToken.None));
    }


    private static (ChainId Chain, DateTime Now) Chain(string symbol, int expiryIndex)
    {
        var instrument = DefaultInstruments.Create().Single(i => i.Symbol == symbol);
        var now = DateTime.UtcNow;
        return (new ChainId(symbol, ExpiryCalendar.UpcomingExpiries(instrument, ExchangeCalendars.Default.Get(instrument.Market), now)[expiryIndex]), now);
    }

    private async Task<RecordingObserver> ObserveChainAsync(ChainId chain)
    {
        var observer = new RecordingObserver();
        await cluster.Client.GetGrain<IOptionChainGrain>(chain.ToString()).Subscribe(cluster.Client.CreateObjectReference<IMarketObserver>(observer), TimeSpan.MaxValue);
        return observer;
    }

    private async Task<RecordingObserver> ObserveUnderlyingAsync(string symbol)
    {
        var observer = new RecordingObserver();
        await cluster.Client.GetGrain<IUnderlyingGrain>(symbol).Subscribe(cluster.Client.CreateObjectReference<IMarketObserver>(observer), TimeSpan.MaxValue);
        return observer;
    }

    /// <summary>Dead letters are written by the reading silo; poll the stream until they are all there.</summary>
    private async Task<StreamEntry[]> WaitForDeadLettersAsync(string key, long count)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await redis.StreamLengthAsync(key) < count)
        {
            await Task.Delay(20, cts.Token);
        }

        return await redis.StreamRangeAsync(key, "-", "+");
    }
}
