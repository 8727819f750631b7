using DeltaStream.Analytics.Chain;
using DeltaStream.Grains;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;

namespace DeltaStream.Gateway.Api.Analytics;

/// <summary>
/// API.md "Analytics", computed from the chain grains' snapshots with the same library the grains use, so the
/// answers agree with the chain. <c>expiry</c> is required where the metric is per expiry (max-pain, iv-smile,
/// oi-buildup) and optional for pcr and gex, which then sum over all listed expiries.
/// </summary>
internal static class AnalyticsEndpoints
{
    public static RouteGroupBuilder MapAnalyticsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/analytics/{symbol}").WithTags("Analytics").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/pcr", PcrAsync).WithName("PutCallRatio").Produces<PcrResponse>();
        api.MapGet("/max-pain", MaxPainAsync).WithName("MaxPain").Produces<MaxPainResponse>();
        api.MapGet("/iv-smile", SmileAsync).WithName("IvSmile").Produces<SmilePoint[]>();
        api.MapGet("/term-structure", TermStructureAsync).WithName("TermStructure").Produces<TermStructurePoint[]>();
        api.MapGet("/gex", GexAsync).WithName("GammaExposure").Produces<DealerExposureResult>();
        api.MapGet("/oi-buildup", OiBuildupAsync).WithName("OiBuildup").Produces<OiBuildupRow[]>();
        return api;
    }

    private static async Task<IResult> PcrAsync(string symbol, string? expiry, MarketDirectory directory, IGrainFactory grains)
    {
        var scope = await ChainsAsync(symbol, expiry, required: false, directory, grains);
        if (scope.Problem is { } problem)
        {
            return problem;
        }

        long callOi = 0, putOi = 0, callVolume = 0, putVolume = 0;
        foreach (var row in scope.Chains.SelectMany(c => c.Strikes))
        {
            callOi += row.Call?.Oi ?? 0;
            putOi += row.Put?.Oi ?? 0;
            callVolume += row.Call?.Volume ?? 0;
            putVolume += row.Put?.Volume ?? 0;
        }

        return TypedResults.Ok(new PcrResponse(
            scope.Expiry, PutCallRatio.Compute(putOi, callOi), PutCallRatio.Compute(putVolume, callVolume), callOi, putOi, callVolume, putVolume));
    }

    private static async Task<IResult> MaxPainAsync(string symbol, string? expiry, MarketDirectory directory, IGrainFactory grains)
    {
        var scope = await ChainsAsync(symbol, expiry, required: true, directory, grains);
        if (scope.Problem is { } problem)
        {
            return problem;
        }

        var chain = scope.Chains[0];
        var strikes = chain.Strikes.Select(r => r.Strike).ToArray();
        var pain = new double[strikes.Length];
        var index = MaxPain.Compute(strikes, [.. chain.Strikes.Select(r => (double)(r.Call?.Oi ?? 0))], [.. chain.Strikes.Select(r => (double)(r.Put?.Oi ?? 0))], scope.Instrument.LotSize, pain);
        double? maxPain = index >= 0 ? strikes[index] : null;
        double? distance = maxPain - chain.Spot;
        return TypedResults.Ok(new MaxPainResponse(
            chain.Expiry, maxPain, chain.Spot, distance, distance / chain.Spot * 100, [.. strikes.Select((k, i) => new StrikePain(k, pain[i]))]));
    }

    private static async Task<IResult> SmileAsync(string symbol, string? expiry, MarketDirectory directory, IGrainFactory grains)
    {
        var scope = await ChainsAsync(symbol, expiry, required: true, directory, grains);
        if (scope.Problem is { } problem)
        {
            return problem;
        }

        var chain = scope.Chains[0];
        return TypedResults.Ok(chain.Strikes.Select(row =>
        {
            var (callIv, putIv) = (row.Call?.Iv, row.Put?.Iv);
            var otm = VolatilitySmile.OutOfTheMoney(row.Strike, chain.Forward ?? double.NaN, callIv ?? double.NaN, putIv ?? double.NaN);
            return new SmilePoint(row.Strike, row.Strike / chain.Forward, callIv, putIv, double.IsFinite(otm) ? otm : null);
        }).ToArray());
    }

    private static async Task<IResult> TermStructureAsync(string symbol, MarketDirectory directory, IGrainFactory grains)
    {
        var scope = await ChainsAsync(symbol, null, required: false, directory, grains);
        return scope.Problem ?? TypedResults.Ok(scope.Chains.Select(c => new TermStructurePoint(c.Expiry, c.TimeToExpiry, c.Analytics.AtmIv, c.Forward)).ToArray());
    }

    private static async Task<IResult> GexAsync(string symbol, string? expiry, MarketDirectory directory, IGrainFactory grains)
    {
        var scope = await ChainsAsync(symbol, expiry, required: false, directory, grains);
        return scope.Problem ?? TypedResults.Ok(ChainExposure.Compute(scope.Chains, scope.Instrument.LotSize));
    }

    private static async Task<IResult> OiBuildupAsync(string symbol, string? expiry, MarketDirectory directory, IGrainFactory grains)
    {
        var chain = Resolve(symbol, expiry, directory, out var problem);
        if (problem is not null)
        {
            return problem;
        }

        var activity = await grains.GetGrain<IOptionChainGrain>(chain.ToString()).GetActivity();
        return TypedResults.Ok(activity.Select(a => new OiBuildupRow(
            a.Strike, a.CallOiChange, a.PutOiChange, a.CallPriceChange, a.PutPriceChange,
            OiBuildupClassifier.Classify(a.CallPriceChange ?? 0, a.CallOiChange),
            OiBuildupClassifier.Classify(a.PutPriceChange ?? 0, a.PutOiChange))).ToArray());
    }

    /// <summary>The snapshots in scope: one expiry, or every listed expiry when none is named and none is required.</summary>
    private static async Task<Scope> ChainsAsync(string symbol, string? expiry, bool required, MarketDirectory directory, IGrainFactory grains)
    {
        if (!directory.TryResolveSymbol(symbol, out var instrument))
        {
            return new Scope(Problems.UnknownSymbol(symbol));
        }

        if (expiry is null && !required)
        {
            var all = await Task.WhenAll(directory.Catalog.Expiries(instrument).Select(e => grains.GetGrain<IOptionChainGrain>(new ChainId(instrument.Symbol, e).ToString()).GetSnapshot()));
            return new Scope(null, instrument, null, all);
        }

        var chain = Resolve(symbol, expiry, directory, out var problem);
        return problem is not null
            ? new Scope(problem)
            : new Scope(null, instrument, chain.Expiry, [await grains.GetGrain<IOptionChainGrain>(chain.ToString()).GetSnapshot()]);
    }

    private static ChainId Resolve(string symbol, string? expiry, MarketDirectory directory, out IResult? problem)
    {
        if (expiry is null)
        {
            problem = Problems.Invalid("expiry", "expiry is required (yyyy-MM-dd); GET /api/v1/underlyings/{symbol} lists the expiries.");
            return default;
        }

        var chain = directory.ResolveChain(symbol, expiry);
        problem = chain.IsOk ? null : Problems.From(chain.Error, chain.Detail);
        return chain.Value;
    }

    private sealed record Scope(IResult? Problem, InstrumentDefinition Instrument = null!, DateOnly? Expiry = null, IReadOnlyList<ChainSnapshot> Chains = null!);
}
