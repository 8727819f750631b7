namespace DeltaStream.Analytics.Insights;

/// <summary>One strike's open interest, session volume and open-interest change since the session began, per side.</summary>
public readonly record struct PulseStrike(double Strike, long CallOi, long PutOi, long CallVolume, long PutVolume, long CallOiChange, long PutOiChange);
