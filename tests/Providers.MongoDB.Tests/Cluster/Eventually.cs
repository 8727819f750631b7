namespace DeltaStream.Providers.MongoDB.Tests.Cluster;

/// <summary>Waits for a condition the system reaches on its own timers (persistence, history flushes), bounded.</summary>
internal static class Eventually
{
    public static async Task<T> ReachAsync<T>(Func<Task<T>> probe, Func<T, bool> reached, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var last = await probe();
        while (!reached(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached within {seconds} s: {what} (last seen: {last})");
            }

            await Task.Delay(50);
            last = await probe();
        }

        return last;
    }
}
