using DeltaStream.Analytics.Strategy;
using DeltaStream.Ticks;

namespace DeltaStream.Gateway.Api.Strategy;

/// <summary>
/// POST /api/v1/strategy/payoff. <c>right</c> is <c>call</c>/<c>put</c> (or <c>C</c>/<c>P</c>), <c>side</c> <c>buy</c>/<c>sell</c>,
/// <c>lots</c> a whole number of the instrument's lots. <c>premium</c> (per unit) and <c>iv</c> default to the live
/// chain's mid (else last) and implied volatility of that contract.
/// </summary>
public sealed record StrategyPayoffRequest(
    string? Symbol,
    string? Expiry,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(StrategyLegsConverter))] IReadOnlyList<StrategyLegRequest>? Legs);

public sealed record StrategyLegRequest(string? Right, double? Strike, string? Side, int? Lots, double? Premium, double? Iv);

public enum StrategySide
{
    Buy,
    Sell,
}

/// <summary>A leg as valued: the premium and IV it was taken at, given or from the live chain.</summary>
public sealed record StrategyLegResponse(OptionRight Right, double Strike, StrategySide Side, int Lots, double Premium, double Iv);

/// <summary>
/// The strategy valued on its chain. P&amp;L, premiums and Greeks are for the whole position in currency (lots x lot
/// size units); <see cref="MaxProfit"/>/<see cref="MaxLoss"/> null mean unlimited; <see cref="MaxLoss"/> is the lowest
/// P&amp;L (negative); <see cref="NetPremium"/> positive is a net debit, negative a net credit. <see cref="Today"/> is the
/// value now at each level, every leg at its IV; Greeks per unit of the chain's level (spot for bsm, forward for black76).
/// </summary>
public sealed record StrategyPayoffResponse(
    string Symbol,
    DateOnly Expiry,
    double Spot,
    double? Forward,
    double TimeToExpiry,
    int LotSize,
    DateTime UpdatedAt,
    IReadOnlyList<StrategyLegResponse> Legs,
    IReadOnlyList<PayoffPoint> AtExpiry,
    IReadOnlyList<PayoffPoint> Today,
    IReadOnlyList<double> Breakevens,
    double? MaxProfit,
    double? MaxLoss,
    double NetPremium,
    PositionGreeks Greeks);
