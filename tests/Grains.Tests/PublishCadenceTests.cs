using DeltaStream.Grains.Observers;
using DeltaStream.Grains.Publishing;

namespace DeltaStream.Grains.Tests;

public sealed class PublishCadenceTests
{
    private static readonly TimeSpan Raw = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Publish = TimeSpan.FromMilliseconds(250);

    [Fact]
    public void The_first_change_goes_out_at_once_and_a_change_within_the_interval_waits_for_its_end()
    {
        var clock = new ManualClock();
        var cadence = new PublishCadence(clock);

        Assert.Equal(TimeSpan.Zero, cadence.Wait(Publish));
        cadence.Published();
        clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(TimeSpan.FromMilliseconds(150), cadence.Wait(Publish));
        Assert.True(cadence.Arm());
        Assert.False(cadence.Arm());
        cadence.Disarm();
        clock.Advance(TimeSpan.FromMilliseconds(150));
        Assert.Equal(TimeSpan.Zero, cadence.Wait(Publish));
    }

    [Fact]
    public void A_finer_interval_asked_for_after_a_publication_shortens_the_wait_at_once()
    {
        var clock = new ManualClock();
        var cadence = new PublishCadence(clock);
        cadence.Published();
        clock.Advance(TimeSpan.FromMilliseconds(4));

        Assert.Equal(TimeSpan.FromMilliseconds(246), cadence.Wait(Publish));
        Assert.Equal(TimeSpan.FromMilliseconds(6), cadence.Wait(Raw));
    }

    [Fact]
    public void The_finest_interval_is_the_smallest_any_live_observer_asked_for_and_an_expired_lease_stops_counting()
    {
        var leases = new ObserverLeases<string>(TimeSpan.FromMinutes(2));
        var start = new DateTime(2026, 12, 1, 9, 15, 0, DateTimeKind.Utc);

        Assert.Equal(Publish, leases.Finest(Publish));
        leases.Renew("throttled gateway", start, TimeSpan.FromSeconds(1));
        Assert.Equal(Publish, leases.Finest(Publish));
        leases.Renew("raw gateway", start, TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, leases.Finest(Publish));

        leases.Renew("throttled gateway", start.AddMinutes(2), TimeSpan.FromMilliseconds(100));
        var notified = leases.Notify(_ => { }, start.AddMinutes(2).AddSeconds(1));

        Assert.Equal(1, notified);
        Assert.Equal(TimeSpan.FromMilliseconds(100), leases.Finest(Publish));
    }
}
