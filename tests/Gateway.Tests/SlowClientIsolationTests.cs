using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using DeltaStream.Gateway.Realtime;
using DeltaStream.Gateway.Realtime.Outbox;
using DeltaStream.Grains;
using DeltaStream.Time;
using DeltaStream.Instruments;
using DeltaStream.Ticks;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

public sealed class SlowClientIsolationTests(KestrelGatewayFactory gateway) : IClassFixture<KestrelGatewayFactory>
{
    private const int HealthyClients = 50;

    [Fact]
    public async Task A_client_that_stops_reading_never_delays_fifty_others_who_get_every_update_while_it_is_behind_and_it_is_cut_off()
    {
        var ct = TestContext.Current.CancellationToken;
        var catalog = gateway.Services.GetRequiredService<InstrumentCatalog>();
        var chains = catalog.All.SelectMany(i => catalog.Expiries(i).Select(e => new ChainId(i.Symbol, e))).ToArray();
        var watched = chains[0];
        var expiry = watched.Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var events = new OutboxEvents(gateway.Services.GetRequiredService<IMeterFactory>(), gateway.Services.GetRequiredService<MarketClock>());
        var token = (await gateway.UserAsync()).Token;
        var healthy = await Task.WhenAll(Enumerable.Range(0, HealthyClients).Select(_ => HubClient.ConnectAsync(gateway.BaseAddress, token, ct)));
        try
        {
            foreach (var client in healthy)
            {
                await client.Connection.InvokeAsync("SubscribeChain", watched.Symbol, expiry, "raw", ct);
            }

            var starts = await Task.WhenAll(healthy.Select(c => HubClient.NextAsync(c.Snapshots)));
            var outboxes = gateway.Services.GetRequiredService<ConnectionOutboxes>();

            // The frozen client watches every chain, so far more is written to it than its socket takes.
            var frozenAt = DateTime.UtcNow;
            await using var frozen = await FrozenClient.SubscribeAsync(
                gateway.BaseAddress, token, chains.Select(c => (c.Symbol, c.Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), ct);
            await WaitUntilAsync(() => !events.Aborted.IsEmpty && outboxes.Count == HealthyClients, ct);
            var behindSince = events.Behind.Where(at => at.Wall >= frozenAt).MinBy(at => at.Wall).Market;
            var abortedAt = Assert.Single(events.Aborted).Wall;

            // Every healthy client goes on receiving: its updates continue its snapshot with no gap and no resend.
            var atAbort = await gateway.Services.GetRequiredService<IGrainFactory>().GetGrain<IOptionChainGrain>(watched.ToString()).GetSnapshot();
            for (var i = 0; i < healthy.Length; i++)
            {
                var previous = starts[i].Sequence;
                while (previous < atAbort.Sequence + 5)
                {
                    var update = await HubClient.NextAsync(healthy[i].Updates);
                    Assert.Equal(starts[i].Epoch, update.Epoch);
                    Assert.Equal(previous + 1, update.FromSequence);
                    previous = update.Sequence;
                }

                Assert.False(healthy[i].Snapshots.Reader.TryRead(out _), $"client {i} fell behind and was sent a second snapshot");

                // Had the frozen client held the chain up, nothing computed while it was behind would arrive before it was cut off.
                Assert.Contains(healthy[i].Received, r => r.Update.UpdatedAt > behindSince && r.At < abortedAt);
            }

        }
        finally
        {
            await Task.WhenAll(healthy.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(TimeSpan.FromMinutes(3));
        while (!condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }

    /// <summary>
    /// When this gateway's outboxes fell behind and when it disconnected connections that stayed behind: on the wall
    /// clock (as clients receive) and on the market clock (as chains stamp their updates). Other gateways in the test
    /// process have meters of their own, so their slow clients are not counted.
    /// </summary>
    private sealed class OutboxEvents : IDisposable
    {
        private readonly MeterListener listener = new();

        public OutboxEvents(IMeterFactory gatewayMeters, MarketClock marketClock)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == gatewayMeters && instrument.Meter.Name == RealtimeMetrics.MeterName && instrument.Name is "outbox.behind" or "outbox.aborted")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, _, _, _) =>
                (instrument.Name == "outbox.behind" ? Behind : Aborted).Enqueue((DateTime.UtcNow, marketClock.GetUtcNow().UtcDateTime)));
            listener.Start();
        }

        public ConcurrentQueue<(DateTime Wall, DateTime Market)> Behind { get; } = new();

        public ConcurrentQueue<(DateTime Wall, DateTime Market)> Aborted { get; } = new();

        public void Dispose() => listener.Dispose();
    }
}
