using DeltaStream.Analytics;

namespace DeltaStream.Gateway.Api.Pricing.Batch;

/// <summary>
/// Checks a batch against the single-option calculator's domains, naming each offending field by its path
/// (<c>options[12].strike</c>), so one 400 lists them; at most <see cref="MaxErrors"/> are listed.
/// </summary>
internal sealed class BatchReader
{
    private const int MaxErrors = 20;
    private readonly Dictionary<string, string[]> errors = [];

    public bool IsValid => errors.Count == 0;

    public IResult Problem() => Problems.Invalid(errors);

    /// <summary>The options, or an empty list and a problem when there are none (too many are refused while read).</summary>
    public IReadOnlyList<BatchOption> Options(BatchPricingRequest? request)
    {
        if (request?.Options is not { Count: > 0 } options)
        {
            Fail("options", $"options is required: 1 to {BatchPricingEndpoints.MaxOptions:N0} options.");
            return [];
        }

        for (var i = 0; i < options.Count; i++)
        {
            if (options[i] is null)
            {
                Fail($"options[{i}]", $"options[{i}] must be an option object.");
            }
        }

        return options;
    }

    public OptionType Type(int index, string? type)
    {
        if (OptionTypeText.Parse(type) is { } parsed)
        {
            return parsed;
        }

        var path = $"options[{index}].type";
        Fail(path, OptionTypeText.Problem(path, type));
        return default;
    }

    /// <summary>A required number of option <paramref name="index"/> in its domain (NaN when it is not).</summary>
    public double Number(int index, string name, double? value, double min, double max, bool minExclusive = false)
    {
        var path = $"options[{index}].{name}";
        if (value is not { } number)
        {
            return Fail(path, $"{path} is required.");
        }

        return NumberDomain.Violation(path, number, min, max, minExclusive, number.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } problem
            ? Fail(path, problem)
            : number;
    }

    public void Reject(string name, string message) => Fail(name, message);

    private double Fail(string name, string message)
    {
        if (errors.Count < MaxErrors)
        {
            errors[name] = [message];
        }

        return double.NaN;
    }
}
