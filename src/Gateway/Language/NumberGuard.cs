using System.Globalization;
using System.Text.RegularExpressions;

namespace DeltaStream.Gateway.Language;

/// <summary>
/// The model's leash: every number in a reply must appear in the prompt. Numbers are compared by value and
/// magnitude (1.2 matches 1.20, 24,350 matches 24350, "1% below" matches -1.00%), so rephrasing passes and an
/// invented or recomputed figure does not.
/// </summary>
internal static partial class NumberGuard
{
    public static HashSet<decimal> Numbers(string text)
    {
        var numbers = new HashSet<decimal>();
        foreach (Match match in NumberPattern().Matches(text))
        {
            if (decimal.TryParse(match.Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                numbers.Add(value);
            }
        }

        return numbers;
    }

    /// <summary>The first number of <paramref name="reply"/> absent from <paramref name="allowed"/>, or null when there is none.</summary>
    public static decimal? Foreign(string reply, IReadOnlySet<decimal> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        foreach (var number in Numbers(reply))
        {
            if (!allowed.Contains(number))
            {
                return number;
            }
        }

        return null;
    }

    // Digits with optional thousands groups and a decimal part; a sign is not part of it (magnitudes are compared).
    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
