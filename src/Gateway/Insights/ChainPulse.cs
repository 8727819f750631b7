using DeltaStream.Analytics.Insights;

namespace DeltaStream.Gateway.Insights;

/// <summary>A chain's pulse with its template narrative, as of the chain snapshot's <see cref="UpdatedAt"/>.</summary>
internal sealed record ChainPulse(string Symbol, DateOnly Expiry, DateTime UpdatedAt, MarketPulse Pulse, string Narrative);
