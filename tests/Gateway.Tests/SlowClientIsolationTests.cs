using System.Diagnostics.Metrics;
using System.Globalization;
using DeltaStream.Gateway.Realtime;
using DeltaStream.Gateway.Realtime.Outbox;
using DeltaStream.Grains;
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
        using var aborts = new AbortCounter();
        var healthy = await Task.WhenAll(Enumerable.Range(0, HealthyClients).Select(_ => HubClient.ConnectAsync(gateway.BaseAddress, ct)));
        try
        {
            foreach (var client in healthy)
            {
                await client.Connection.InvokeAsync("SubscribeChain", watched.Symbol, expiry, "raw", ct);
            }

            var starts = await Task.WhenAll(healthy.Select(c => HubClient.NextAsync(c.Snapshots)));
            var outboxes = gateway.Services.GetRequiredService<ConnectionOutboxes>();

            // The frozen client watches every chain, so far more is written to it than its socket takes.
            await using var frozen = await FrozenClient.SubscribeAsync(
                gateway.BaseAddress, chains.Select(c => (c.Symbol, c.Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), ct);
            await WaitUntilAsync(() => outboxes.BehindCount > 0, ct);
            var behindSince = DateTime.UtcNow;
            await WaitUntilAsync(() => aborts.Count > 0 && outboxes.Count == HealthyClients, ct);

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
                Assert.Contains(healthy[i].Received, r => r.Update.UpdatedAt > behindSince && r.At < aborts.FirstAt);
            }

            Assert.Equal(1, aborts.Count);
        }
        finally
        {
            await Task.WhenAll(healthy.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }

    /// <summary>Counts the gateway's disconnections of connections that stayed behind too long.</summary>
    private sealed class AbortCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private long count;

        public AbortCounter()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == RealtimeMetrics.MeterName && instrument.Name == "outbox.aborted")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
            {
                // Stamped before counting, so a reader that sees a count also sees its time.
                if (Interlocked.Read(ref count) == 0)
                {
                    FirstAt = DateTime.UtcNow;
                }

                Interlocked.Add(ref count, value);
            });
            listener.Start();
        }

        public long Count => Interlocked.Read(ref count);

        /// <summary>When the first disconnection was counted (UTC).</summary>
        public DateTime FirstAt { get; private set; } = DateTime.MaxValue;

        public void Dispose() => listener.Dispose();
    }
}
