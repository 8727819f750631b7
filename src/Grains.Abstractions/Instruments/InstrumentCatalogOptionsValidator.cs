using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace DeltaStream.Instruments;

/// <summary>Rejects a catalog with invalid fields, duplicate symbols or unknown time zones at start-up.</summary>
public sealed class InstrumentCatalogOptionsValidator : IValidateOptions<InstrumentCatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, InstrumentCatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var instrument in options.Instruments)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(instrument, new ValidationContext(instrument), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"{instrument.Symbol}: {r.ErrorMessage}"));
            }

            if (instrument.LadderStrikesEachSide < instrument.StrikesEachSide)
            {
                failures.Add($"{instrument.Symbol}: LadderStrikesEachSide ({instrument.LadderStrikesEachSide}) must be at least StrikesEachSide ({instrument.StrikesEachSide}).");
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(instrument.TimeZone, out _))
            {
                failures.Add($"{instrument.Symbol}: unknown time zone '{instrument.TimeZone}'.");
            }
        }

        failures.AddRange(options.Instruments
            .GroupBy(i => i.Symbol, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"Symbol '{g.Key}' is listed more than once."));

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
