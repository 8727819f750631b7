using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DeltaStream.Ticks;

/// <summary>An option chain: an underlying symbol and one expiry. Text form "SYMBOL:yyyy-MM-dd".</summary>
[GenerateSerializer]
[Immutable]
public readonly record struct ChainId(string Symbol, DateOnly Expiry)
{
    public const string ExpiryFormat = "yyyy-MM-dd";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Symbol}:{Expiry.ToString(ExpiryFormat, CultureInfo.InvariantCulture)}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out ChainId? chain)
    {
        chain = null;
        var separator = text?.LastIndexOf(':') ?? -1;
        if (separator <= 0 || !TryParseExpiry(text![(separator + 1)..], out var expiry))
        {
            return false;
        }

        chain = new ChainId(text[..separator], expiry);
        return true;
    }

    public static bool TryParseExpiry(string? text, out DateOnly expiry) =>
        DateOnly.TryParseExact(text, ExpiryFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out expiry);
}
