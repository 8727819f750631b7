namespace DeltaStream.History;

/// <summary>One bar of an underlying's price: <see cref="Start"/> (UTC) opens a bucket of the bar's interval.</summary>
[GenerateSerializer]
[Immutable]
public sealed record PriceBar(string Symbol, DateTime Start, double Open, double High, double Low, double Close, long Volume);
