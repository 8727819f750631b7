using DeltaStream.Analytics.Insights;

namespace DeltaStream.Gateway.Insights;

/// <summary>
/// GET /api/v1/insights/{symbol}: the pulse of one chain. <see cref="Label"/> is bullish, bearish, neutral or
/// range-bound; <see cref="NarrativeSource"/> says whether a language model phrased the narrative (<c>model</c>) or
/// the templates did (<c>template</c>).
/// </summary>
public sealed record InsightResponse(
    string Symbol,
    DateOnly Expiry,
    string Label,
    double? Score,
    bool Pinning,
    IReadOnlyList<PulseSignal> Signals,
    string Narrative,
    string NarrativeSource,
    DateTime UpdatedAt);
