namespace DeltaStream.Analytics.Volatility;

/// <summary>An implied volatility with its status. <see cref="Volatility"/> is zero unless the status is Ok.</summary>
public readonly record struct ImpliedVolatilityResult(ImpliedVolatilityStatus Status, double Volatility)
{
    public bool IsOk => Status == ImpliedVolatilityStatus.Ok;

    /// <summary>The volatility when it exists, otherwise null (never NaN, never a clamped number).</summary>
    public double? Value => IsOk ? Volatility : null;

    internal static ImpliedVolatilityResult Of(ImpliedVolatilityStatus status) => new(status, 0.0);
}
