using System.ComponentModel.DataAnnotations;
using DeltaStream.Calendars;
using DeltaStream.Snapshots;
using Microsoft.Extensions.Options;

namespace DeltaStream.Instruments;

/// <summary>
/// Rejects a catalog with invalid fields, duplicate symbols, unknown time zones, unknown markets or no expiry rule at start-up.
/// </summary>
public sealed class InstrumentCatalogOptionsValidator(ExchangeCalendars calendars) : IValidateOptions<InstrumentCatalogOptions>
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

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(instrument.TimeZone, out var zone))
            {
                failures.Add($"{instrument.Symbol}: unknown time zone '{instrument.TimeZone}'.");
            }

            ValidateExercise(instrument, failures);
            ValidateMarket(instrument, zone, failures);
            ValidateExpiries(instrument, failures);
        }

        failures.AddRange(options.Instruments
            .GroupBy(i => i.Symbol, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"Symbol '{g.Key}' is listed more than once."));

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateMarket(InstrumentDefinition instrument, TimeZoneInfo? zone, List<string> failures)
    {
        if (!calendars.TryGet(instrument.Market, out var calendar))
        {
            failures.Add($"{instrument.Symbol}: unknown market '{instrument.Market}' (known: {string.Join(", ", calendars.All.Select(c => c.Market).Order(StringComparer.Ordinal))}).");
        }
        else if (zone is not null && !zone.HasSameRules(calendar.Zone))
        {
            // Sessions and settlement would disagree on the local date and time.
            failures.Add($"{instrument.Symbol}: time zone '{instrument.TimeZone}' differs from market {calendar.Market}'s '{calendar.Zone.Id}'.");
        }
    }

    private static void ValidateExercise(InstrumentDefinition instrument, List<string> failures)
    {
        // The chain's model follows from the exercise style; the American engine prices from spot only.
        if (instrument.Model == PricingModel.AmericanFp)
        {
            failures.Add($"{instrument.Symbol}: Model AmericanFp is not configured; set Exercise American with Model Bsm.");
        }
        else if (instrument.Exercise == ExerciseStyle.American && instrument.Model != PricingModel.Bsm)
        {
            failures.Add($"{instrument.Symbol}: Exercise American needs Model Bsm (the American engine prices from spot).");
        }

        foreach (var dividend in instrument.Dividends)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(dividend, new ValidationContext(dividend), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"{instrument.Symbol}: dividend {dividend.ExDate:yyyy-MM-dd}: {r.ErrorMessage}"));
            }
        }

        failures.AddRange(instrument.Dividends
            .GroupBy(d => d.ExDate)
            .Where(g => g.Count() > 1)
            .Select(g => $"{instrument.Symbol}: dividend ex-date {g.Key:yyyy-MM-dd} is listed more than once."));
    }

    private static void ValidateExpiries(InstrumentDefinition instrument, List<string> failures)
    {
        if (instrument.Expiries.Count == 0)
        {
            failures.Add($"{instrument.Symbol}: Expiries must list at least one rule.");
        }

        foreach (var rule in instrument.Expiries)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(rule, new ValidationContext(rule), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"{instrument.Symbol}: expiry rule {rule.Kind}: {r.ErrorMessage}"));
            }
        }
    }
}
