using DeltaStream.Analytics.American;
using DeltaStream.Grains.Sequencing;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Chains;

/// <summary>
/// The live state of one option (one side of a strike): its last quote, its session references and the
/// results of the last recompute that the chain analytics read. Mutable and reused: a tick allocates nothing.
/// </summary>
internal sealed class OptionSideState
{
    /// <summary>False only between the side's creation and its first quote.</summary>
    public bool Quoted { get; set; }

    public double Bid { get; set; }

    public double Ask { get; set; }

    public double Last { get; set; }

    public long Volume { get; set; }

    public long Oi { get; set; }

    /// <summary>OI when the session began (the previous session's close), the base of oiChange.</summary>
    public long SessionOpenOi { get; set; }

    /// <summary>
    /// Last traded price when the session began: the previous session's close, or the session's first trade for a
    /// contract first quoted in it. The base of the quote's change and of the price change in OI build-up.
    /// </summary>
    public double SessionOpenLast { get; set; }

    public DateTime Timestamp { get; set; }

    /// <summary>The last sequence applied to this contract from each producer.</summary>
    public ProducerWatermark Sequences { get; init; } = new();

    public double Iv { get; set; } = double.NaN;

    public double Delta { get; set; } = double.NaN;

    public double Gamma { get; set; } = double.NaN;

    /// <summary>What the American engine keeps between this option's recomputes (American chains only; not persisted).</summary>
    public AmericanWarmStart? American { get; set; }

    /// <summary>The last computed quote and the level (NaN: none, so unpriced) and time it was computed at.</summary>
    public OptionQuote? Computed { get; set; }

    public double ComputedLevel { get; set; } = double.NaN;

    public double ComputedTime { get; set; } = double.NaN;

    /// <summary>Mid when both sides are quoted and not crossed, otherwise null.</summary>
    public double? Mid => Bid > 0 && Ask >= Bid ? 0.5 * (Bid + Ask) : null;

    /// <summary>The price implied volatility is solved from: the mid, else the last trade, else zero.</summary>
    public double Premium => Mid ?? Last;

    /// <summary>Open interest added since the session began.</summary>
    public long OiChange => Oi - SessionOpenOi;

    /// <summary>Last trade against the session's base (previous close, else first trade), null until both are known.</summary>
    public double? PriceChange => Last > 0 && SessionOpenLast > 0 ? Math.Round(Last - SessionOpenLast, 10) : null;

    /// <summary>Takes the quote of <paramref name="tick"/> unless this contract already holds a later one.</summary>
    public void Apply(in OptionTick tick)
    {
        if (Quoted && tick.Timestamp < Timestamp)
        {
            return;
        }

        Bid = tick.Bid;
        Ask = tick.Ask;
        Last = tick.Last;
        Volume = tick.Volume;
        Oi = tick.OpenInterest;
        Timestamp = tick.Timestamp;
        if (!Quoted)
        {
            Quoted = true;
            StartSession();
        }
    }

    public void StartSession()
    {
        SessionOpenOi = Oi;
        SessionOpenLast = Last;
    }
}
