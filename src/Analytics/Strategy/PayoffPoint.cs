namespace DeltaStream.Analytics.Strategy;

/// <summary>The strategy's profit or loss (in currency) were the underlying at <paramref name="Spot"/>.</summary>
public readonly record struct PayoffPoint(double Spot, double Pnl);
