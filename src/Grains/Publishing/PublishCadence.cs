namespace DeltaStream.Grains.Publishing;

/// <summary>
/// Leading-edge coalescing of a grain's publications: the first change after a quiet interval may go out at once;
/// a change within the interval waits for its end, when one publication carries everything since. The interval is
/// given with each change, as the grain's subscribers may ask for another.
/// </summary>
internal sealed class PublishCadence(TimeProvider clock)
{
    private long publishedAt;
    private bool published;
    private bool armed;

    /// <summary>How long a change made now must wait at <paramref name="interval"/>; zero when it may be published at once.</summary>
    public TimeSpan Wait(TimeSpan interval)
    {
        if (!published)
        {
            return TimeSpan.Zero;
        }

        var wait = interval - clock.GetElapsedTime(publishedAt);
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>True when no trailing publication is scheduled yet (the caller schedules it).</summary>
    public bool Arm()
    {
        if (armed)
        {
            return false;
        }

        armed = true;
        return true;
    }

    /// <summary>The trailing publication is due.</summary>
    public void Disarm() => armed = false;

    public void Published()
    {
        publishedAt = clock.GetTimestamp();
        published = true;
    }
}
