namespace DeltaStream.Gateway.Api.History;

/// <summary>The bar intervals the API serves: 1m as recorded, the others rolled up from 1m bars on query.</summary>
internal static class BarInterval
{
    public static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public static IReadOnlyDictionary<string, TimeSpan> Choices { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["1m"] = Minute,
        ["5m"] = TimeSpan.FromMinutes(5),
        ["15m"] = TimeSpan.FromMinutes(15),
        ["1h"] = TimeSpan.FromHours(1),
        ["1d"] = TimeSpan.FromDays(1),
    };

    /// <summary>A page of rolled-up bars reads at most a year of 1-minute bars (525,600), so coarse intervals take fewer bars per page.</summary>
    public const int MaxMinuteBarsPerPage = 525_600;

    /// <summary>The largest <c>limit</c> for bars of <paramref name="interval"/>: 10,000, or fewer where that would read more than a year of minutes.</summary>
    public static int MaxLimit(TimeSpan interval) => (int)Math.Min(HistoryPage.MaxLimit, MaxMinuteBarsPerPage / (interval / Minute));
}
