namespace DeltaStream.Gateway.Api.Markets;

/// <summary>
/// What the market data of this gateway is, when it makes it itself (embedded mode's synthetic feed): the page shows
/// it beside each market's status, since a synthetic market can trade while the exchange is closed. Null otherwise.
/// </summary>
public sealed record MarketFeedNote(string? Text);
