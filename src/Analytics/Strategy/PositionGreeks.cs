namespace DeltaStream.Analytics.Strategy;

/// <summary>The Greeks of a whole position: each leg's times its signed quantity, summed. Per unit of the level (spot or forward), per day, per vol point.</summary>
public readonly record struct PositionGreeks(double Delta, double Gamma, double ThetaPerDay, double VegaPerPoint);
