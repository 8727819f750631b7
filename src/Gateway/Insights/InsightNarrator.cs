using System.Text;
using DeltaStream.Analytics.Insights;
using DeltaStream.Gateway.Language;

namespace DeltaStream.Gateway.Insights;

/// <summary>
/// The narrative an insight answers with: the model's rephrasing of the structured signals when a model is
/// configured and its reply passes the number check, else the template's.
/// </summary>
internal sealed class InsightNarrator(ModelCalls model)
{
    public const string Instructions =
        "You rephrase a market reading of an option chain for a trader, in two to four plain sentences. "
        + "Use only the facts and numbers given below; never add, round or compute a number. Keep the label as given.";

    /// <exception cref="ModelBudgetExceededException">The model would be called and <paramref name="user"/> has no call left.</exception>
    public async Task<(string Narrative, string Source)> NarrateAsync(ChainPulse reading, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var reply = await model.CompleteAsync(user, Instructions, Prompt(reading), cancellationToken);
        return reply.Text is { } text ? (text, "model") : (reading.Narrative, "template");
    }

    /// <summary>The facts the model may use: the chain, the label with its score, and each measured signal's evidence.</summary>
    public static string Prompt(ChainPulse reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var pulse = reading.Pulse;
        var prompt = new StringBuilder()
            .Append("Chain: ").Append(reading.Symbol).Append(' ').Append(reading.Expiry.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
            .Append("Label: ").Append(PulseNarrative.Name(pulse.Label)).Append('\n')
            .Append("Signals:\n");
        foreach (var signal in pulse.Signals.Where(s => s.Value is not null))
        {
            prompt.Append("- ").Append(signal.Name).Append(" (").Append(signal.Direction.ToString().ToLowerInvariant()).Append("): ").Append(signal.Evidence).Append('\n');
        }

        return prompt.Append("Template reading: ").Append(reading.Narrative).ToString();
    }
}
