namespace DeltaStream.Instruments;

/// <summary>How time to expiry is measured (see <see cref="ExpiryCalendar"/>).</summary>
public enum TimeBasis
{
    /// <summary>Calendar time: ACT/365 to the settlement instant.</summary>
    Act365,

    /// <summary>Minutes of regular sessions to settlement over a year of 252 full sessions.</summary>
    TradingTime,
}
