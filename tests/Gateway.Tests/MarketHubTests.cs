using System.Globalization;
using DeltaStream.Gateway.Realtime;
using DeltaStream.Ticks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

// Run again by scripts/test.sh with the market clock pinned at chosen instants (TestClock).
[Trait("Clock", "Sensitive")]
public sealed class MarketHubTests(GatewayFactory factory)
{
    [Fact]
    public async Task Subscribing_to_a_chain_gives_its_snapshot_then_updates_that_continue_it_without_a_gap()
    {
        var expiry = await Market.FirstExpiryAsync(factory.CreateSignedInClient(), "NIFTY");
        await using var hub = await HubClient.ConnectAsync(factory);

        await hub.Connection.InvokeAsync("SubscribeChain", "NIFTY", expiry, TestContext.Current.CancellationToken);
        var snapshot = await HubClient.NextAsync(hub.Snapshots);

        Assert.Equal("NIFTY", snapshot.Symbol);
        var previous = snapshot.Sequence;
        for (var i = 0; i < 5; i++)
        {
            var update = await HubClient.NextAsync(hub.Updates);
            Assert.Equal(snapshot.Epoch, update.Epoch);
            Assert.Equal(previous + 1, update.FromSequence);
            Assert.True(update.Sequence >= update.FromSequence);
            previous = update.Sequence;
        }

        Assert.False(hub.Snapshots.Reader.TryRead(out _), "a second snapshot: the connection fell behind");
    }

    [Fact]
    public async Task An_unknown_symbol_or_expiry_raises_a_hub_exception_and_the_connection_stays_usable()
    {
        await using var hub = await HubClient.ConnectAsync(factory);

        var unknownSymbol = await Assert.ThrowsAsync<HubException>(() => hub.Connection.InvokeAsync("SubscribeChain", "NOPE", "2026-12-01", null, TestContext.Current.CancellationToken));
        var badExpiry = await Assert.ThrowsAsync<HubException>(() => hub.Connection.InvokeAsync("SubscribeChain", "NIFTY", "tomorrow", null, TestContext.Current.CancellationToken));
        var unknownUnderlying = await Assert.ThrowsAsync<HubException>(() => hub.Connection.InvokeAsync("SubscribeUnderlying", "NOPE", TestContext.Current.CancellationToken));
        var badThrottle = await Assert.ThrowsAsync<HubException>(() => hub.Connection.InvokeAsync("SubscribeChain", "NIFTY", "2026-12-01", "5ms", TestContext.Current.CancellationToken));

        Assert.Contains("Unknown symbol 'NOPE'", unknownSymbol.Message, StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", badExpiry.Message, StringComparison.Ordinal);
        Assert.Contains("NOPE", unknownUnderlying.Message, StringComparison.Ordinal);
        Assert.Contains("raw, 100ms or 1s", badThrottle.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, hub.Connection.State);
        await hub.Connection.InvokeAsync("SubscribeUnderlying", "AAPL", TestContext.Current.CancellationToken);
        var update = await HubClient.NextAsync(hub.Underlyings);
        Assert.Equal("AAPL", update.Symbol);
    }

    [Fact]
    public async Task Underlying_subscribers_receive_session_updates()
    {
        await using var hub = await HubClient.ConnectAsync(factory);
        await hub.Connection.InvokeAsync("SubscribeUnderlying", "QQQ", TestContext.Current.CancellationToken);

        var first = await HubClient.NextAsync(hub.Underlyings, u => u.Spot is not null);
        var later = await HubClient.NextAsync(hub.Underlyings, u => u.LastSequence > first.LastSequence);

        Assert.Equal("QQQ", later.Symbol);
        Assert.True(later.High >= later.Low);
    }

    [Fact]
    public async Task The_gateway_holds_one_grain_subscription_per_chain_however_many_clients_watch_it()
    {
        // Other test classes watch chains of this shared gateway at the same time: count only this chain's watchers.
        var relay = factory.Services.GetRequiredService<MarketUpdateRelay>();
        var expiry = await Market.FirstExpiryAsync(factory.CreateSignedInClient(), "FINNIFTY");
        var group = HubGroups.Chain(new ChainId("FINNIFTY", DateOnly.ParseExact(expiry, ChainId.ExpiryFormat, CultureInfo.InvariantCulture)));
        await using var first = await HubClient.ConnectAsync(factory);
        await using var second = await HubClient.ConnectAsync(factory);
        var before = relay.WatchersOf(group);

        await first.Connection.InvokeAsync("SubscribeChain", "FINNIFTY", expiry, null, TestContext.Current.CancellationToken);
        var feed = relay.FeedOf(group);
        await second.Connection.InvokeAsync("SubscribeChain", "FINNIFTY", expiry, null, TestContext.Current.CancellationToken);
        var during = relay.WatchersOf(group);
        await HubClient.NextAsync(first.Updates);
        await HubClient.NextAsync(second.Updates);
        await first.Connection.InvokeAsync("UnsubscribeChain", "FINNIFTY", expiry, TestContext.Current.CancellationToken);
        var afterOne = relay.WatchersOf(group);
        var feedAfterOne = relay.FeedOf(group);
        await second.Connection.StopAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(feed);
        Assert.Equal(before + 2, during);
        Assert.Equal(before + 1, afterOne);
        Assert.Same(feed, feedAfterOne);
        await WaitUntilAsync(() => relay.WatchersOf(group) == before);
        if (before == 0)
        {
            Assert.Null(relay.FeedOf(group));
        }
    }

    /// <summary>Disconnect clean-up runs on the server after the client has gone; poll the relay's own count.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
