using DeltaStream.Gateway.Api.Limits;

namespace DeltaStream.Gateway.Api.Strategy;

/// <summary>Reads <c>legs</c> and stops at the first leg past <see cref="StrategyRequestReader.MaxLegs"/>.</summary>
internal sealed class StrategyLegsConverter() : BoundedListConverter<StrategyLegRequest>(StrategyRequestReader.MaxLegs, "legs", "legs", "{right, strike, side, lots}");
