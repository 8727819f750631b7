namespace DeltaStream.Grains.Persistence;

/// <summary>
/// How many grains of this silo are behind on their state writes (a write failed and is being retried, or is overdue),
/// for the readiness check and the metrics: live data keeps flowing while storage is away, but the silo says so.
/// </summary>
public static class GrainStorageHealth
{
    private static int behind;

    public static int GrainsBehind => Volatile.Read(ref behind);

    internal static void Fell() => Interlocked.Increment(ref behind);

    internal static void CaughtUp() => Interlocked.Decrement(ref behind);
}
