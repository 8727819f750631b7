using DeltaStream.Providers.Redis;

namespace DeltaStream.Providers.Tests;

public sealed class DeliveryCheckpointTests
{
    private static readonly DateTime T0 = new(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_checkpoint_moves_only_over_the_fully_delivered_prefix_once_the_delay_has_passed()
    {
        var checkpoint = new DeliveryCheckpoint(TimeSpan.FromSeconds(2));
        checkpoint.Read("1-0", parts: 2, T0);
        checkpoint.Read("2-0", parts: 1, T0);
        checkpoint.Read("3-0", parts: 0, T0);

        checkpoint.Delivered("2-0", T0);
        Assert.Null(checkpoint.Advance(T0.AddSeconds(10)));

        checkpoint.Delivered("1-0", T0.AddSeconds(1));
        Assert.Null(checkpoint.Advance(T0.AddSeconds(1)));
        checkpoint.Delivered("1-0", T0.AddSeconds(1));
        Assert.Null(checkpoint.Advance(T0.AddSeconds(2.5)));
        Assert.Equal("3-0", checkpoint.Advance(T0.AddSeconds(3)));
        Assert.Equal(0, checkpoint.Pending);
    }
}
