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
}
