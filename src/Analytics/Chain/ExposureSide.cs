namespace DeltaStream.Analytics.Chain;

/// <summary>One side of one strike as exposure needs it; a missing Greek or IV is null (the side then adds nothing to that figure).</summary>
public readonly record struct ExposureSide(double? Gamma, double? Delta, double? Vanna, double? Iv, double OpenInterest);
