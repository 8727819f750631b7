using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using DeltaStream.Ticks;

namespace DeltaStream.Gateway.Api.Options;

/// <summary>A contract name as traders write it: symbol, expiry yyyyMMdd, C or P, strike (NIFTY20261208C24300, SPY20261204P672.5).</summary>
internal sealed partial record OptionContract(string Symbol, DateOnly Expiry, OptionRight Right, double Strike)
{
    public const int MaxLength = 64;

    public const string FormatHint = "a contract is SYMBOL + expiry yyyyMMdd + C or P + strike, for example NIFTY20261208C24300.";

    public static bool TryParse(string? text, [NotNullWhen(true)] out OptionContract? contract)
    {
        contract = null;
        if (text is not { Length: > 0 and <= MaxLength })
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success ||
            !DateOnly.TryParseExact(match.Groups["expiry"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry) ||
            !double.TryParse(match.Groups["strike"].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var strike) ||
            !double.IsFinite(strike) || strike <= 0)
        {
            return false;
        }

        var right = char.ToUpperInvariant(match.Groups["right"].Value[0]) == 'C' ? OptionRight.Call : OptionRight.Put;
        contract = new OptionContract(match.Groups["symbol"].Value.ToUpperInvariant(), expiry, right, strike);
        return true;
    }

    /// <summary>The symbol is the shortest prefix that leaves a date, a right and a strike: symbols may end in digits.</summary>
    [GeneratedRegex(@"^(?<symbol>[A-Za-z][A-Za-z0-9]*?)(?<expiry>\d{8})(?<right>[CcPp])(?<strike>\d{1,12}(?:\.\d{1,8})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
