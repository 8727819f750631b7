using DeltaStream.History;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DeltaStream.Gateway.Api.History;

/// <summary>
/// API.md bars and chain history, newest first: <c>from</c>/<c>to</c> ISO-8601 instants (from inclusive, to
/// exclusive), <c>limit</c> 1-10,000 (default 1,000; for bars at most a year of 1-minute bars a page: 365 daily, 8,760 hourly), <c>format=csv</c> for export, and a <c>Link: rel="next"</c>
/// header carrying the <c>cursor</c> of the next (older) page. Bars take <c>interval</c> 1m (default), 5m, 15m,
/// 1h or 1d (UTC buckets). Mapped onto the market-data group, so its conventions (auth) apply.
/// </summary>
internal static class HistoryEndpoints
{
    public static RouteGroupBuilder MapHistoryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/underlyings/{symbol}/bars", BarsAsync).WithName("GetUnderlyingBars").WithTags("History")
            .Produces<List<BarResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/chains/{symbol}/{expiry}/history", ChainHistoryAsync).WithName("GetChainHistory").WithTags("History")
            .Produces<List<ChainHistoryResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<IResult> BarsAsync(string symbol, HttpContext http, MarketDirectory directory, BarHistory history)
    {
        if (!directory.TryResolveSymbol(symbol, out var instrument))
        {
            return Problems.UnknownSymbol(symbol);
        }

        var reader = new QueryReader(http.Request.Query);
        var interval = reader.Choice("interval", BarInterval.Choices, BarInterval.Minute);
        var page = HistoryPage.Read(reader, http.Request.Query);
        if (reader.IsValid && page.Limit > BarInterval.MaxLimit(interval))
        {
            reader.Reject("limit", $"limit must be at most {BarInterval.MaxLimit(interval)} for interval={http.Request.Query["interval"]} " +
                $"(a page reads at most a year of 1-minute bars); got {page.Limit}.");
        }

        if (!reader.IsValid)
        {
            return reader.Problem();
        }

        try
        {
            var (bars, nextUntil) = await history.PageAsync(instrument.Symbol, interval, page, http.RequestAborted);
            return Answer(http, page, nextUntil, bars, HistoryCsv.Bars, b => new BarResponse(b.Start, b.Open, b.High, b.Low, b.Close, b.Volume));
        }
        catch (HistoryUnavailableException ex)
        {
            return Unavailable(ex.Message);
        }
    }

    private static async Task<IResult> ChainHistoryAsync(string symbol, string expiry, HttpContext http, MarketDirectory directory, IServiceProvider services)
    {
        var chain = directory.ResolveChain(symbol, expiry);
        if (!chain.IsOk)
        {
            return Problems.From(chain.Error, chain.Detail);
        }

        var reader = new QueryReader(http.Request.Query);
        var page = HistoryPage.Read(reader, http.Request.Query);
        if (!reader.IsValid)
        {
            return reader.Problem();
        }

        if (services.GetService<IMarketHistoryReader>() is not { } store)
        {
            return Unavailable("Chain history is recorded in MongoDB, which this deployment does not use: set ConnectionStrings:MongoDB.");
        }

        try
        {
            var points = await store.ChainHistoryAsync(chain.Value.Symbol, chain.Value.Expiry, page.From, page.Until, page.Limit + 1, http.RequestAborted);
            DateTime? nextUntil = points.Count > page.Limit ? points[page.Limit - 1].Timestamp : null;
            var shown = points.Take(page.Limit).ToList();
            return Answer(http, page, nextUntil, shown, HistoryCsv.ChainHistory, p => new ChainHistoryResponse(p.Timestamp, p.Spot, p.Analytics, p.SessionClose));
        }
        catch (HistoryUnavailableException ex)
        {
            return Unavailable(ex.Message);
        }
    }

    private static IResult Answer<TRecord, TResponse>(
        HttpContext http, HistoryPage page, DateTime? nextUntil, IReadOnlyList<TRecord> records, Func<IEnumerable<TRecord>, string> csv, Func<TRecord, TResponse> json)
    {
        if (HistoryPage.NextLink(http.Request, nextUntil) is { } link)
        {
            http.Response.Headers.Link = link;
        }

        return page.Csv ? TypedResults.Text(csv(records), "text/csv; charset=utf-8") : TypedResults.Ok(records.Select(json).ToList());
    }

    private static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "History unavailable");
}
