using DeltaStream.Analytics;

namespace DeltaStream.Gateway.Api;

/// <summary>An option type as requests name it: 'call' or 'put', in any case.</summary>
internal static class OptionTypeText
{
    public static OptionType? Parse(string? text) =>
        string.Equals(text, "call", StringComparison.OrdinalIgnoreCase) ? OptionType.Call
        : string.Equals(text, "put", StringComparison.OrdinalIgnoreCase) ? OptionType.Put
        : null;

    public static string Problem(string field, string? text) => $"{field} must be 'call' or 'put'; got '{text}'.";
}
