using DeltaStream.Gateway.Api.History;
using DeltaStream.Gateway.Api.Markets;
using DeltaStream.Grains;
using DeltaStream.Snapshots;
using DeltaStream.Time;
using Microsoft.Net.Http.Headers;

namespace DeltaStream.Gateway.Api;

/// <summary>API.md "Market data": underlyings and chain snapshots.</summary>
internal static class MarketDataEndpoints
{
    public static RouteGroupBuilder MapMarketDataApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("").WithTags("Market data");
        api.MapGet("/underlyings", ListUnderlyingsAsync).WithName("ListUnderlyings").Produces<UnderlyingSummaryResponse[]>();
        api.MapGet("/underlyings/{symbol}", GetUnderlyingAsync).WithName("GetUnderlying")
            .Produces<UnderlyingDetailResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/underlyings/{symbol}/dividends", GetDividends).WithName("GetDividends")
            .Produces<DividendResponse[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/chains/{symbol}/{expiry}", GetChainAsync).WithName("GetChain")
            .Produces<ChainSnapshot>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapHistoryApi();
        return api;
    }

    private static async Task<IResult> ListUnderlyingsAsync(MarketDirectory directory, IGrainFactory grains, MarketClock clock, MarketFeedNote feed)
    {
        var instruments = directory.Catalog.All;
        var snapshots = await Task.WhenAll(instruments.Select(i => grains.GetGrain<IUnderlyingGrain>(i.Symbol).GetSnapshot()));
        return TypedResults.Ok(instruments.Select((instrument, i) => new UnderlyingSummaryResponse(
            instrument.Symbol, snapshots[i].Spot, snapshots[i].Change, snapshots[i].ChangePct, snapshots[i].UpdatedAt, directory.Catalog.Expiries(instrument), instrument.Currency,
            MarketEndpoints.StatusOf(directory.Catalog, instrument, clock, feed))).ToArray());
    }

    private static async Task<IResult> GetUnderlyingAsync(string symbol, MarketDirectory directory, IGrainFactory grains, MarketClock clock, MarketFeedNote feed)
    {
        if (!directory.TryResolveSymbol(symbol, out var instrument))
        {
            return Problems.UnknownSymbol(symbol);
        }

        var s = await grains.GetGrain<IUnderlyingGrain>(instrument.Symbol).GetSnapshot();
        return TypedResults.Ok(new UnderlyingDetailResponse(
            instrument.Symbol, s.Spot, s.Open, s.High, s.Low, s.PrevClose, s.Volume, s.UpdatedAt,
            directory.Catalog.Expiries(instrument), instrument.LotSize, instrument.StrikeStep, instrument.Currency,
            MarketEndpoints.StatusOf(directory.Catalog, instrument, clock, feed)));
    }

    private static IResult GetDividends(string symbol, MarketDirectory directory) =>
        directory.TryResolveSymbol(symbol, out var instrument)
            ? TypedResults.Ok(instrument.Dividends.OrderBy(d => d.ExDate).Select(d => new DividendResponse(d.ExDate, d.Amount, instrument.Currency)).ToArray())
            : Problems.UnknownSymbol(symbol);

    private static async Task<IResult> GetChainAsync(
        string symbol, string expiry, string? strikes, HttpContext http, MarketDirectory directory, ChainSnapshotJson json, IGrainFactory grains)
    {
        var chain = directory.ResolveChain(symbol, expiry);
        if (!chain.IsOk)
        {
            return Problems.From(chain.Error, chain.Detail);
        }

        if (!StrikeWindow.TryParse(strikes, out var eachSide))
        {
            return Problems.Invalid("strikes", $"strikes must be a whole number from 1 to {StrikeWindow.Max} (strikes kept on each side of the at-the-money strike).");
        }

        var key = chain.Value.ToString();
        var snapshot = await grains.GetGrain<IOptionChainGrain>(key).GetSnapshot();
        var etag = ChainSnapshotJson.ETag(snapshot);
        http.Response.Headers.ETag = etag;
        if (IsNotModified(http.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(json.Utf8(key, snapshot, eachSide), "application/json; charset=utf-8");
    }

    // RFC 9110 13.1.2: If-None-Match compares weakly and "*" matches any current representation.
    private static bool IsNotModified(HttpRequest request, string etag)
    {
        if (request.Headers.IfNoneMatch.Count == 0)
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
