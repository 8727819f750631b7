namespace DeltaStream.Analytics.Bars;

/// <summary>Open, high, low, close and volume of the trades in a bucket that opens at <see cref="Start"/>.</summary>
public readonly record struct OhlcBar(DateTime Start, double Open, double High, double Low, double Close, long Volume)
{
    /// <summary>A bucket's first trade.</summary>
    public static OhlcBar First(DateTime start, double price, long volume) => new(start, price, price, price, price, volume);

    /// <summary>This bar with a later trade added.</summary>
    public OhlcBar With(double price, long volume) =>
        this with { High = Math.Max(High, price), Low = Math.Min(Low, price), Close = price, Volume = Volume + volume };

    /// <summary>This bar merged with the later bar <paramref name="next"/> of the same bucket.</summary>
    public OhlcBar Then(OhlcBar next) =>
        this with { High = Math.Max(High, next.High), Low = Math.Min(Low, next.Low), Close = next.Close, Volume = Volume + next.Volume };
}
