using System.Globalization;
using DeltaStream.Analytics;
using DeltaStream.Analytics.Strategy;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;

namespace DeltaStream.Gateway.Api.Strategy;

/// <summary>
/// Checks a payoff request in two passes, collecting every offending field (<c>legs[1].strike</c>) for one 400: the
/// legs' own shape first, then each leg against the chain's snapshot (a listed strike, a premium and an IV to use).
/// </summary>
internal sealed class StrategyRequestReader
{
    public const int MaxLegs = 10;
    public const int MaxLots = 10_000;

    private readonly Dictionary<string, string[]> errors = [];

    public bool IsValid => errors.Count == 0;

    public IResult Problem() => Problems.Invalid(errors);

    /// <summary>The body's symbol and expiry, or null (with the errors noted) when either is missing.</summary>
    public (string Symbol, string Expiry)? Chain(StrategyPayoffRequest? body)
    {
        if (body is null)
        {
            Fail("body", "A JSON body {symbol, expiry, legs:[{right, strike, side, lots}]} is required.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(body.Symbol))
        {
            Fail("symbol", "symbol is required, e.g. NIFTY.");
        }

        if (string.IsNullOrWhiteSpace(body.Expiry))
        {
            Fail("expiry", "expiry is required (yyyy-MM-dd); GET /api/v1/underlyings/{symbol} lists the expiries.");
        }

        Shape(body.Legs);
        return IsValid ? (body.Symbol!, body.Expiry!) : null;
    }

    /// <summary>The legs valued against <paramref name="snapshot"/>: quantities in units, premium and IV given or live.</summary>
    public (StrategyLeg[] Legs, StrategyLegResponse[] Described) Resolve(IReadOnlyList<StrategyLegRequest> legs, ChainSnapshot snapshot, int lotSize)
    {
        var resolved = new StrategyLeg[legs.Count];
        var described = new StrategyLegResponse[legs.Count];
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            var right = ParseRight(leg.Right)!.Value;
            var side = ParseSide(leg.Side)!.Value;
            var strike = leg.Strike!.Value;
            var row = snapshot.Strikes.FirstOrDefault(r => r.Strike == strike);
            if (row is null)
            {
                var range = snapshot.Strikes.Count == 0 ? "it has no strikes yet" : Invariant($"its strikes run from {snapshot.Strikes[0].Strike} to {snapshot.Strikes[^1].Strike}");
                Fail($"legs[{i}].strike", Invariant($"{snapshot.Symbol} {snapshot.Expiry:yyyy-MM-dd} has no strike {strike}; {range}."));
                continue;
            }

            var quote = right == OptionRight.Call ? row.Call : row.Put;
            var premium = leg.Premium ?? quote?.Mid ?? (quote is { Last: > 0 } ? quote.Last : null);
            var iv = leg.Iv ?? quote?.Iv;
            if (premium is null)
            {
                Fail($"legs[{i}].premium", Invariant($"The {strike} {Name(right)} has no price yet; give premium (and iv)."));
            }

            if (iv is null)
            {
                var why = quote is null ? "it has no quote yet" : $"its ivStatus is {JsonName(quote.IvStatus)}";
                Fail($"legs[{i}].iv", Invariant($"The {strike} {Name(right)} has no implied volatility ({why}); give iv."));
            }

            if (premium is not null && iv is not null)
            {
                var units = leg.Lots!.Value * (double)lotSize * (side == StrategySide.Buy ? 1 : -1);
                resolved[i] = new StrategyLeg(right == OptionRight.Call ? OptionType.Call : OptionType.Put, strike, units, premium.Value, iv.Value);
                described[i] = new StrategyLegResponse(right, strike, side, leg.Lots.Value, premium.Value, iv.Value);
            }
        }

        return (resolved, described);
    }

    private void Shape(IReadOnlyList<StrategyLegRequest>? legs)
    {
        if (legs is null || legs.Count == 0)
        {
            Fail("legs", "legs is required: 1 to 10 legs {right, strike, side, lots}.");
            return;
        }

        if (legs.Count > MaxLegs)
        {
            Fail("legs", $"At most {MaxLegs} legs; got {legs.Count}.");
            return;
        }

        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            var field = $"legs[{i}]";
            if (leg is null)
            {
                Fail(field, $"{field} must be an object {{right, strike, side, lots}}.");
                continue;
            }

            if (ParseRight(leg.Right) is null)
            {
                Fail($"{field}.right", $"{field}.right must be 'call' or 'put'; got '{leg.Right}'.");
            }

            if (ParseSide(leg.Side) is null)
            {
                Fail($"{field}.side", $"{field}.side must be 'buy' or 'sell'; got '{leg.Side}'.");
            }

            if (leg.Strike is not { } strike || !double.IsFinite(strike) || strike <= 0)
            {
                Fail($"{field}.strike", $"{field}.strike must be a listed strike (a positive number).");
            }

            if (leg.Lots is not (>= 1 and <= MaxLots))
            {
                Fail($"{field}.lots", Invariant($"{field}.lots must be a whole number from 1 to {MaxLots}; got {leg.Lots?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}."));
            }

            if (leg.Premium is { } premium && (!double.IsFinite(premium) || premium < 0))
            {
                Fail($"{field}.premium", $"{field}.premium must be a finite price of at least 0.");
            }

            if (leg.Iv is { } iv && (!double.IsFinite(iv) || iv <= 0 || iv > 10))
            {
                Fail($"{field}.iv", $"{field}.iv must be greater than 0 and at most 10 (a decimal: 0.2 is 20%).");
            }
        }
    }

    private static OptionRight? ParseRight(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "CALL" or "C" => OptionRight.Call,
        "PUT" or "P" => OptionRight.Put,
        _ => null,
    };

    private static StrategySide? ParseSide(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "BUY" => StrategySide.Buy,
        "SELL" => StrategySide.Sell,
        _ => null,
    };

    private static string Name(OptionRight right) => right == OptionRight.Call ? "call" : "put";

    private static string JsonName(IvStatus status)
    {
        var name = status.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void Fail(string field, string message) => errors[field] = [message];
}
