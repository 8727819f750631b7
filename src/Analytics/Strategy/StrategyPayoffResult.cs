namespace DeltaStream.Analytics.Strategy;

/// <summary>
/// A strategy analysed. <see cref="MaxProfit"/> or <see cref="MaxLoss"/> is null when it is unlimited (the payoff
/// keeps rising or falling as the underlying rises); <see cref="MaxLoss"/> is the lowest P&amp;L, so a loss is
/// negative. <see cref="NetPremium"/> is what entering costs: positive a net debit, negative a net credit.
/// </summary>
public sealed record StrategyPayoffResult(
    IReadOnlyList<PayoffPoint> AtExpiry,
    IReadOnlyList<PayoffPoint> Today,
    IReadOnlyList<double> Breakevens,
    double? MaxProfit,
    double? MaxLoss,
    double NetPremium,
    PositionGreeks Greeks);
