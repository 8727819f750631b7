namespace DeltaStream.Analytics.American;

/// <summary>
/// An American price with its European counterpart (same inputs) and the difference, the early-exercise premium.
/// With cash dividends the European price is the same spot-model finite-difference solve without early exercise.
/// </summary>
public readonly record struct AmericanPrice(double Price, double EuropeanPrice, double EarlyExercisePremium);
