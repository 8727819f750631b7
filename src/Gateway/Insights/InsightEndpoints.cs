using DeltaStream.Analytics.Insights;
using DeltaStream.Gateway.Api;
using DeltaStream.Gateway.Language;

namespace DeltaStream.Gateway.Insights;

/// <summary>
/// API.md <c>GET /api/v1/insights/{symbol}?expiry=</c>: the market pulse of one chain (the front expiry when none is
/// named). Mapped into the data group, so a token or key and the rate limit apply.
/// </summary>
internal static class InsightEndpoints
{
    public static RouteGroupBuilder MapInsightsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/insights/{symbol}", InsightAsync).WithName("GetInsight").WithTags("Insights")
            .Produces<InsightResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> InsightAsync(string symbol, string? expiry, MarketDirectory directory, PulseSource source, InsightNarrator narrator, HttpContext http)
    {
        if (!directory.TryResolveSymbol(symbol, out var instrument))
        {
            return Problems.UnknownSymbol(symbol);
        }

        DateOnly chosen;
        if (expiry is null)
        {
            chosen = directory.Catalog.Expiries(instrument)[0];
        }
        else
        {
            var chain = directory.ResolveChain(symbol, expiry);
            if (!chain.IsOk)
            {
                return Problems.From(chain.Error, chain.Detail);
            }

            chosen = chain.Value.Expiry;
        }

        var reading = await source.ReadAsync(instrument, chosen, http.RequestAborted);
        string narrative, narrativeSource;
        try
        {
            (narrative, narrativeSource) = await narrator.NarrateAsync(reading, ModelCaller.Of(http), http.RequestAborted);
        }
        catch (ModelBudgetExceededException e)
        {
            return new RetryLaterResult(e.RetryAfterSeconds, e.Message);
        }

        var pulse = reading.Pulse;
        return TypedResults.Ok(new InsightResponse(
            reading.Symbol, reading.Expiry, PulseNarrative.Name(pulse.Label), pulse.Score, pulse.Pinning, pulse.Signals, narrative, narrativeSource, reading.UpdatedAt));
    }
}
