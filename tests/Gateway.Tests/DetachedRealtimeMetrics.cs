using DeltaStream.Gateway.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

/// <summary>Live-path counters of no gateway, for feeds and outboxes built directly by unit tests.</summary>
internal static class DetachedRealtimeMetrics
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static RealtimeMetrics Instance { get; } = new(Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
}
