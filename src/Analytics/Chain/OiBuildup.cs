namespace DeltaStream.Analytics.Chain;

/// <summary>The conventional reading of open interest change against price change.</summary>
public enum OiBuildup
{
    Neutral,

    /// <summary>Price up, OI up: new longs.</summary>
    LongBuildup,

    /// <summary>Price down, OI up: new shorts.</summary>
    ShortBuildup,

    /// <summary>Price up, OI down: shorts closing.</summary>
    ShortCovering,

    /// <summary>Price down, OI down: longs closing.</summary>
    LongUnwinding,
}
