namespace DeltaStream.Analytics.Volatility;

/// <summary>Why an implied volatility is or is not available; every input maps to exactly one status.</summary>
public enum ImpliedVolatilityStatus
{
    /// <summary>A unique volatility reproduces the price.</summary>
    Ok,

    /// <summary>The price is below the discounted no-arbitrage lower bound: no volatility exists.</summary>
    BelowIntrinsic,

    /// <summary>The price is at or above the discounted upper bound: no finite volatility exists.</summary>
    AboveMaximum,

    /// <summary>The price equals the lower bound: the limit volatility is zero.</summary>
    AtIntrinsic,

    /// <summary>Time to expiry is zero or negative: volatility is undefined.</summary>
    Expired,

    /// <summary>An input is not finite or out of its domain (non-positive spot, strike, ...).</summary>
    InvalidInput,
}
