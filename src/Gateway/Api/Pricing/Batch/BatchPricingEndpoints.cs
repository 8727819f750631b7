using DeltaStream.Analytics;
using DeltaStream.Analytics.American;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Analytics.Pricing.Vectorised;
using DeltaStream.Analytics.Volatility;
using System.Text.Json;
using DeltaStream.Gateway.Api.Limits;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Api.Pricing.Batch;

/// <summary>
/// The pricing calculator for many options in one request, answered in the order given. European prices and Greeks
/// come from the vectorised chain kernel; American prices and American IVs, each an iterative solve of about half a
/// millisecond, are bounded at <see cref="MaxAmericanOptions"/> a request (about 0.1 s of one core). The options
/// list is bounded while the body is read (<see cref="BatchOptionsConverter"/>), and <see cref="BatchPricingGate"/>
/// bounds how many batches run at once. The domains are those of the single-option GET endpoints; every offending
/// field is named by its path.
/// </summary>
internal static class BatchPricingEndpoints
{
    public const int MaxOptions = 10_000;
    public const int MaxAmericanOptions = 200;

    private static readonly Dictionary<string, bool> Exercises = new() { ["european"] = false, ["american"] = true };

    public static RouteGroupBuilder MapBatchPricing(this RouteGroupBuilder pricing)
    {
        Map(pricing, "/batch", "PriceBatch", Greeks).Produces<GreeksResponse[]>();
        Map(pricing, "/batch/american", "PriceBatchAmerican", American).Produces<AmericanResponse[]>();
        Map(pricing, "/batch/iv", "ImpliedVolatilityBatch", Iv).Produces<ImpliedVolatilityResponse[]>();
        return pricing;
    }

    private static RouteHandlerBuilder Map(RouteGroupBuilder pricing, string pattern, string name, Func<BatchPricingRequest?, IResult> compute) =>
        pricing.MapPost(pattern, (HttpRequest request, IOptions<JsonOptions> json, BatchPricingGate gate) => AnswerAsync(request, json.Value.SerializerOptions, gate, compute))
            .WithName(name)
            .WithBodyLimit(RequestBodyLimit.PricingBatch)
            .Accepts<BatchPricingRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>Reads the batch (bounded while read), then computes it once the gate lets it in, or answers 429.</summary>
    private static async Task<IResult> AnswerAsync(HttpRequest request, JsonSerializerOptions json, BatchPricingGate gate, Func<BatchPricingRequest?, IResult> compute)
    {
        var (body, unreadable) = await JsonBody.ReadAsync<BatchPricingRequest>(request, json);
        if (unreadable is not null)
        {
            return unreadable;
        }

        using var lease = await gate.EnterAsync(request.HttpContext.RequestAborted);
        return lease.IsAcquired
            ? compute(body)
            : new RetryLaterResult(1, "This gateway is computing as many pricing batches as it computes at once, with more waiting; retry in a second.");
    }

    private static IResult Greeks(BatchPricingRequest? request)
    {
        var reader = new BatchReader();
        var options = reader.Options(request);
        RejectExercise(reader, request);
        var n = options.Count;
        var types = new OptionType[n];
        var inputs = new double[6 * n];
        for (var i = 0; i < n; i++)
        {
            if (options[i] is { } option)
            {
                (types[i], inputs[i], inputs[n + i], inputs[(2 * n) + i], inputs[(3 * n) + i], inputs[(4 * n) + i], inputs[(5 * n) + i]) = SpotInputs(reader, i, option);
            }
        }

        if (!reader.IsValid)
        {
            return reader.Problem();
        }

        var outputs = new double[13 * n];
        Span<double> o = outputs;
        ChainGreeksKernel.Compute(
            new ChainGreeksInputs
            {
                Type = types, Spot = inputs.AsSpan(0, n), Strike = inputs.AsSpan(n, n), Time = inputs.AsSpan(2 * n, n),
                Rate = inputs.AsSpan(3 * n, n), DividendYield = inputs.AsSpan(4 * n, n), Volatility = inputs.AsSpan(5 * n, n),
            },
            new ChainGreeksOutputs
            {
                Price = o.Slice(0, n), Delta = o.Slice(n, n), Gamma = o.Slice(2 * n, n), Theta = o.Slice(3 * n, n), Vega = o.Slice(4 * n, n),
                Rho = o.Slice(5 * n, n), DividendRho = o.Slice(6 * n, n), Vanna = o.Slice(7 * n, n), Volga = o.Slice(8 * n, n),
                Charm = o.Slice(9 * n, n), Speed = o.Slice(10 * n, n), Zomma = o.Slice(11 * n, n), Color = o.Slice(12 * n, n),
            });

        var results = new GreeksResponse[n];
        for (var i = 0; i < n; i++)
        {
            results[i] = GreeksResponse.From(new OptionGreeks(
                o[i], o[n + i], o[(2 * n) + i], o[(3 * n) + i], o[(4 * n) + i], o[(5 * n) + i], o[(6 * n) + i],
                o[(7 * n) + i], o[(8 * n) + i], o[(9 * n) + i], o[(10 * n) + i], o[(11 * n) + i], o[(12 * n) + i]));
            RejectIfExtreme(reader, i, results[i].IsFinite);
        }

        return reader.IsValid ? TypedResults.Ok(results) : reader.Problem();
    }

    private static IResult American(BatchPricingRequest? request)
    {
        var reader = new BatchReader();
        var options = reader.Options(request);
        RejectExercise(reader, request);
        RejectAboveAmericanBound(reader, options.Count);
        var inputs = new (OptionType Type, double Spot, double Strike, double T, double R, double Q, double Vol)[options.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            if (options[i] is { } option)
            {
                inputs[i] = SpotInputs(reader, i, option);
            }
        }

        if (!reader.IsValid)
        {
            return reader.Problem();
        }

        var results = new AmericanResponse[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            var (type, spot, strike, t, r, q, vol) = inputs[i];
            results[i] = AmericanResponse.From(AmericanOption.Greeks(type, spot, strike, t, r, q, vol));
            RejectIfExtreme(reader, i, results[i].IsFinite);
        }

        return reader.IsValid ? TypedResults.Ok(results) : reader.Problem();
    }

    private static IResult Iv(BatchPricingRequest? request)
    {
        var reader = new BatchReader();
        var options = reader.Options(request);
        var american = false;
        if (request?.Exercise is { } exercise && !Exercises.TryGetValue(exercise, out american))
        {
            reader.Reject("exercise", $"exercise must be 'european' or 'american'; got '{exercise}'.");
        }

        if (american)
        {
            RejectAboveAmericanBound(reader, options.Count);
        }

        var results = new ImpliedVolatilityResponse[options.Count];
        var inputs = new (OptionType Type, double Spot, double Strike, double T, double R, double Q, double Price)[options.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            if (options[i] is not { } option)
            {
                continue;
            }

            inputs[i] = (reader.Type(i, option.Type), reader.Number(i, "spot", option.Spot, 0, double.MaxValue, minExclusive: true),
                reader.Number(i, "strike", option.Strike, 0, double.MaxValue, minExclusive: true), reader.Number(i, "t", option.T, -100, 100),
                reader.Number(i, "r", option.R, -1, 1), reader.Number(i, "q", option.Q, -1, 1), reader.Number(i, "price", option.Price, double.MinValue, double.MaxValue));
        }

        if (!reader.IsValid)
        {
            return reader.Problem();
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            var (type, spot, strike, t, r, q, price) = inputs[i];
            var result = american
                ? AmericanImpliedVolatility.FromPrice(type, price, spot, strike, t, r, q)
                : ImpliedVolatility.FromSpot(type, price, spot, strike, t, r, q);
            results[i] = new ImpliedVolatilityResponse(result.Value, result.Status);
        }

        return TypedResults.Ok(results);
    }

    /// <summary>The inputs of a price from spot, each read against the domain of GET /pricing/bsm.</summary>
    private static (OptionType Type, double Spot, double Strike, double T, double R, double Q, double Vol) SpotInputs(BatchReader reader, int i, BatchOption option) =>
        (reader.Type(i, option.Type), reader.Number(i, "spot", option.Spot, 0, double.MaxValue, minExclusive: true),
            reader.Number(i, "strike", option.Strike, 0, double.MaxValue, minExclusive: true), reader.Number(i, "t", option.T, 0, 100, minExclusive: true),
            reader.Number(i, "r", option.R, -1, 1), reader.Number(i, "q", option.Q, -1, 1), reader.Number(i, "vol", option.Vol, 0, 10, minExclusive: true));

    private static void RejectExercise(BatchReader reader, BatchPricingRequest? request)
    {
        if (request?.Exercise is not null)
        {
            reader.Reject("exercise", "exercise applies to /pricing/batch/iv only: /pricing/batch prices European options, /pricing/batch/american American ones.");
        }
    }

    private static void RejectAboveAmericanBound(BatchReader reader, int count)
    {
        if (count > MaxAmericanOptions)
        {
            reader.Reject("options", $"an American batch holds at most {MaxAmericanOptions:N0} options; got {count:N0}.");
        }
    }

    private static void RejectIfExtreme(BatchReader reader, int index, bool finite)
    {
        if (!finite)
        {
            reader.Reject($"options[{index}]", $"options[{index}]: the inputs are too extreme: a result overflows double precision.");
        }
    }
}
