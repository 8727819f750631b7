namespace DeltaStream.Feed.Synthetic;

/// <summary>The running volume, open interest and last trade of one simulated option.</summary>
internal sealed class SimulatedOption(double strike, bool isCall, long openInterest)
{
    public double Strike { get; } = strike;

    public bool IsCall { get; } = isCall;

    public long Volume { get; set; }

    public long OpenInterest { get; set; } = openInterest;

    public double Last { get; set; }

    /// <summary>False until the option's first quote.</summary>
    public bool Quoted { get; set; }
}
