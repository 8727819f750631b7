using DeltaStream.Gateway.Api.History;
using DeltaStream.Grains;
using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Api;

/// <summary>API.md "Market data": underlyings and chain snapshots.</summary>
internal static class MarketDataEndpoints
{
    public static RouteGroupBuilder MapMarketDataApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("").WithTags("Market data");
        api.MapGet("/underlyings", ListUnderlyingsAsync).WithName("ListUnderlyings");
        api.MapGet("/underlyings/{symbol}", GetUnderlyingAsync).WithName("GetUnderlying");
        api.MapGet("/chains/{symbol}/{expiry}", GetChainAsync).WithName("GetChain");
        api.MapHistoryApi();
        return api;
    }

    private static async Task<IResult> ListUnderlyingsAsync(MarketDirectory directory, IGrainFactory grains)
    {
        var instruments = directory.Catalog.All;
        var snapshots = await Task.WhenAll(instruments.Select(i => grains.GetGrain<IUnderlyingGrain>(i.Symbol).GetSnapshot()));
        return TypedResults.Ok(instruments.Select((instrument, i) => new UnderlyingSummaryResponse(
            instrument.Symbol, snapshots[i].Spot, snapshots[i].Change, snapshots[i].ChangePct, snapshots[i].UpdatedAt, directory.Catalog.Expiries(instrument), instrument.Currency)).ToArray());
    }

    private static async Task<IResult> GetUnderlyingAsync(string symbol, MarketDirectory directory, IGrainFactory grains)
    {
        if (!directory.TryResolveSymbol(symbol, out var instrument))
        {
            return Problems.UnknownSymbol(symbol);
        }

        var s = await grains.GetGrain<IUnderlyingGrain>(instrument.Symbol).GetSnapshot();
        return TypedResults.Ok(new UnderlyingDetailResponse(
            instrument.Symbol, s.Spot, s.Open, s.High, s.Low, s.PrevClose, s.Volume, s.UpdatedAt,
            directory.Catalog.Expiries(instrument), instrument.LotSize, instrument.StrikeStep, instrument.Currency));
    }

    private static async Task<IResult> GetChainAsync(string symbol, string expiry, string? strikes, MarketDirectory directory, IGrainFactory grains)
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

        ChainSnapshot snapshot = await grains.GetGrain<IOptionChainGrain>(chain.Value.ToString()).GetSnapshot();
        return TypedResults.Ok(eachSide is { } n ? StrikeWindow.Apply(snapshot, n) : snapshot);
    }
}
