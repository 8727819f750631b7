using System.Globalization;

namespace DeltaStream.Gateway.Api;

/// <summary>The one wording of "a number outside its domain", for query parameters and JSON fields alike.</summary>
internal static class NumberDomain
{
    /// <summary>Null when <paramref name="value"/> is in [min, max] (min exclusive if marked); else the problem, naming <paramref name="name"/>.</summary>
    public static string? Violation(string name, double value, double min, double max, bool minExclusive, string shown)
    {
        if (value <= max && value >= min && !(minExclusive && value == min))
        {
            return null;
        }

        var lower = minExclusive ? $"greater than {min.ToString(CultureInfo.InvariantCulture)}" : $"at least {min.ToString(CultureInfo.InvariantCulture)}";
        return $"{name} must be {lower} and at most {max.ToString(CultureInfo.InvariantCulture)}; got {shown}.";
    }
}
