using System.Globalization;
using DeltaStream.Analytics;
using DeltaStream.Analytics.American;

namespace DeltaStream.Gateway.Api;

/// <summary>
/// Reads query parameters by name, collecting every problem (missing, not a number, not finite, out of its
/// domain) so one 400 answer lists all the offending fields.
/// </summary>
internal sealed class QueryReader(IQueryCollection query)
{
    private readonly Dictionary<string, string[]> errors = [];

    public bool IsValid => errors.Count == 0;

    public IResult Problem() => Problems.Invalid(errors);

    /// <summary>A required finite number in [min, max] (bounds inclusive unless marked exclusive).</summary>
    public double Number(string name, double min = double.MinValue, double max = double.MaxValue, bool minExclusive = false)
    {
        var text = query[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return Fail(name, $"{name} is required.");
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return Fail(name, $"{name} must be a finite number; got '{text}'.");
        }

        return NumberDomain.Violation(name, value, min, max, minExclusive, text) is { } problem ? Fail(name, problem) : value;
    }

    public OptionType Type(string name = "type")
    {
        var text = query[name].ToString();
        if (OptionTypeText.Parse(text) is { } type)
        {
            return type;
        }

        Fail(name, OptionTypeText.Problem(name, text));
        return default;
    }

    /// <summary>An optional ISO-8601 instant, as UTC; null when absent.</summary>
    public DateTime? Instant(string name)
    {
        var text = query[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            Fail(name, $"{name} must be an ISO-8601 instant such as 2026-12-01T14:30:00Z; got '{text}'.");
            return null;
        }

        return value.UtcDateTime;
    }

    /// <summary>An optional whole number in [min, max]; <paramref name="fallback"/> when absent.</summary>
    public int WholeNumber(string name, int min, int max, int fallback)
    {
        var text = query[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Fail(name, $"{name} must be a whole number from {min} to {max}; got '{text}'.");
            return fallback;
        }

        return value;
    }

    /// <summary>One of <paramref name="choices"/> (case-insensitive); <paramref name="fallback"/> when absent.</summary>
    public T Choice<T>(string name, IReadOnlyDictionary<string, T> choices, T fallback)
    {
        var text = query[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (choices.TryGetValue(text.ToLowerInvariant(), out var value))
        {
            return value;
        }

        Fail(name, $"{name} must be one of {string.Join(", ", choices.Keys)}; got '{text}'.");
        return fallback;
    }

    /// <summary>
    /// Optional cash dividends as t1:amount1,t2:amount2 (ex-dividend time in years from now in (0, 100], amount in
    /// [0, 1e9]); empty when absent. The first bad entry is named in the problem.
    /// </summary>
    public CashDividend[] Dividends(string name = "dividends")
    {
        var text = query[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var entries = text.Split(',');
        var dividends = new CashDividend[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var parts = entries[i].Split(':');
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var time)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                || !(time > 0 && time <= 100) || !(amount >= 0 && amount <= 1e9))
            {
                Fail(name, $"{name} must be t:amount pairs separated by commas, t in (0, 100] years and amount in [0, 1e9]; entry {i + 1} is '{entries[i]}'.");
                return [];
            }

            dividends[i] = new CashDividend(time, amount);
        }

        return dividends;
    }

    /// <summary>Records a problem found across parameters (one field named).</summary>
    public void Reject(string name, string message) => Fail(name, message);

    private double Fail(string name, string message)
    {
        errors[name] = [message];
        return double.NaN;
    }
}
