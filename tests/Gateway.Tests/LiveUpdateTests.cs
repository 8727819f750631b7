using DeltaStream.Gateway.Realtime.Protocol;
using DeltaStream.Snapshots;
using System.Diagnostics;
using DeltaStream.Grains;
using DeltaStream.Instruments;
using MessagePack;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Microsoft.AspNetCore.SignalR.Client;

namespace DeltaStream.Gateway.Tests;

public sealed class LiveUpdateTests(GatewayFactory factory)
{
    [Fact]
    public async Task A_snapshot_with_every_delta_after_it_applied_equals_a_later_snapshot_field_by_field()
    {
        var ct = TestContext.Current.CancellationToken;
        var expiry = await Market.FirstExpiryAsync(factory.CreateSignedInClient(), "BANKNIFTY");
        await using var hub = await HubClient.ConnectAsync(factory);
        await hub.Connection.InvokeAsync("SubscribeChain", "BANKNIFTY", expiry, "raw", ct);
        var replica = new ChainReplica(await HubClient.NextAsync(hub.Snapshots));
        for (var i = 0; i < 3; i++)
        {
            replica.Apply(await HubClient.NextAsync(hub.Updates));
        }

        var later = await hub.Connection.InvokeAsync<ChainSnapshot>("GetChainSnapshot", "BANKNIFTY", expiry, ct);
        Assert.Equal(replica.Epoch, later.Epoch);
        while (replica.Sequence < later.Sequence)
        {
            replica.Apply(await HubClient.NextAsync(hub.Updates));
        }

        // Raw updates are one publication each, so the replica reaches the later snapshot's sequence exactly.
        replica.AssertEqual(new ChainReplica(later));
    }

    [Fact]
    public async Task Raw_sends_every_publication_and_one_second_merges_them_into_ranges_without_a_false_gap()
    {
        var ct = TestContext.Current.CancellationToken;
        var expiry = await Market.FirstExpiryAsync(factory.CreateSignedInClient(), "SENSEX");
        await using var raw = await HubClient.ConnectAsync(factory);
        await using var slow = await HubClient.ConnectAsync(factory);
        await raw.Connection.InvokeAsync("SubscribeChain", "SENSEX", expiry, "raw", ct);
        await slow.Connection.InvokeAsync("SubscribeChain", "SENSEX", expiry, "1s", ct);
        var rawReplica = new ChainReplica(await HubClient.NextAsync(raw.Snapshots));
        var slowReplica = new ChainReplica(await HubClient.NextAsync(slow.Snapshots));

        var slowUpdates = new List<ChainDeltaMessage>();
        while (slowUpdates.Count < 3)
        {
            var update = await HubClient.NextAsync(slow.Updates);
            slowReplica.Apply(update);
            slowUpdates.Add(update);
        }

        var rawUpdates = new List<ChainDeltaMessage>();
        while (rawReplica.Sequence < slowReplica.Sequence)
        {
            var update = await HubClient.NextAsync(raw.Updates);
            rawReplica.Apply(update);
            rawUpdates.Add(update);
        }

        Assert.All(rawUpdates, u => Assert.Equal(u.FromSequence, u.Sequence));
        // The feed ticks every 100 ms and the grain publishes every 50 ms: a one-second update covers several.
        Assert.Contains(slowUpdates.Skip(1), u => u.Sequence > u.FromSequence);
        Assert.True(rawUpdates.Count > slowUpdates.Count, $"{rawUpdates.Count} raw against {slowUpdates.Count} one-second updates");
        rawReplica.AssertEqual(slowReplica);
    }

    [Fact]
    public async Task Json_and_messagepack_clients_receive_the_same_snapshot_and_the_same_updates()
    {
        var ct = TestContext.Current.CancellationToken;
        var expiry = await Market.FirstExpiryAsync(factory.CreateSignedInClient(), "TSLA");
        await using var json = await HubClient.ConnectAsync(factory);
        await using var messagePack = await HubClient.ConnectAsync(factory, messagePack: true);
        await json.Connection.InvokeAsync("SubscribeChain", "TSLA", expiry, "raw", ct);
        await messagePack.Connection.InvokeAsync("SubscribeChain", "TSLA", expiry, "raw", ct);
        var jsonReplica = new ChainReplica(await HubClient.NextAsync(json.Snapshots));
        var packReplica = new ChainReplica(await HubClient.NextAsync(messagePack.Snapshots));

        // Both start from the lane's snapshot; bring the one behind up to the other, then compare update by update.
        while (jsonReplica.Sequence < packReplica.Sequence)
        {
            jsonReplica.Apply(await HubClient.NextAsync(json.Updates));
        }

        while (packReplica.Sequence < jsonReplica.Sequence)
        {
            packReplica.Apply(await HubClient.NextAsync(messagePack.Updates));
        }

        packReplica.AssertEqual(jsonReplica);
        for (var i = 0; i < 3; i++)
        {
            var fromJson = await HubClient.NextAsync(json.Updates);
            var fromPack = await HubClient.NextAsync(messagePack.Updates);
            Assert.Equal((fromJson.Epoch, fromJson.FromSequence, fromJson.Sequence), (fromPack.Epoch, fromPack.FromSequence, fromPack.Sequence));
            Assert.Equal(fromJson.Analytics.OrderBy(p => p.Key), fromPack.Analytics.OrderBy(p => p.Key));
            Assert.Equal(fromJson.Strikes, fromPack.Strikes);
            jsonReplica.Apply(fromJson);
            packReplica.Apply(fromPack);
        }

        var viaPack = await messagePack.Connection.InvokeAsync<ChainSnapshot>("GetChainSnapshot", "TSLA", expiry, ct);
        Assert.Equal(PricingModel.Bsm, viaPack.Model);
        Assert.Equal(ExerciseStyle.European, viaPack.Exercise);
    }

    [Fact]
    public async Task After_a_chain_grain_deactivates_subscribers_get_a_new_epoch_snapshot_and_its_updates()
    {
        var ct = TestContext.Current.CancellationToken;
        var expiry = await Market.FirstExpiryAsync(factory.CreateSignedInClient(), "QQQ");
        await using var hub = await HubClient.ConnectAsync(factory);
        await hub.Connection.InvokeAsync("SubscribeChain", "QQQ", expiry, "raw", ct);
        var first = await HubClient.NextAsync(hub.Snapshots);
        var grain = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IOptionChainGrain>($"QQQ:{expiry}");
        var clock = Stopwatch.StartNew();

        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        var renewed = await HubClient.NextAsync(hub.Snapshots, s => s.Epoch != first.Epoch);
        var elapsed = clock.Elapsed;
        var next = await HubClient.NextAsync(hub.Updates, u => u.Epoch == renewed.Epoch);

        // Without the grain's notice the gateway would only find out at its next renewal (30 s).
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"new epoch after {elapsed}");
        Assert.Equal(renewed.Sequence + 1, next.FromSequence);
    }

    [Fact]
    public void Messagepack_payloads_have_the_json_keys_and_enums_as_strings()
    {
        var snapshot = new ChainSnapshot("TSLA", new DateOnly(2026, 12, 4), 250, 251, 0.05, 0, PricingModel.Bsm, 0.01, new DateTime(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc), 7, 3,
            ChainAnalytics.Empty, [new StrikeRow(250, null, null)]);

        var json = MessagePackSerializer.ConvertToJson(MessagePackSerializer.Serialize(snapshot, JsonShapeResolver.Options, TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(snapshot, Market.Json), json);
    }
}
