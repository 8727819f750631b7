using DeltaStream.Analytics.Strategy;
using DeltaStream.Gateway.Api.Limits;
using DeltaStream.Grains;
using DeltaStream.Snapshots;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Api.Strategy;

/// <summary>API.md "POST /api/v1/strategy/payoff": the legs valued on the live chain by <see cref="StrategyPayoff"/>.</summary>
internal static class StrategyEndpoints
{
    public static RouteGroupBuilder MapStrategyApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/strategy").WithTags("Strategy");
        api.MapPost("/payoff", PayoffAsync)
            .WithName("StrategyPayoff")
            .WithBodyLimit(RequestBodyLimit.StrategyPayoff)
            .WithSummary("Payoff of an option strategy at expiry and today")
            .WithDescription("Legs in (right, strike, side, lots; premium and iv default to the live chain's mid and IV); payoff curves at expiry and now, breakevens, max profit and loss (null: unlimited), net premium (positive: debit) and the position's Greeks out.")
            .Accepts<StrategyPayoffRequest>("application/json")
            .Produces<StrategyPayoffResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    private static async Task<IResult> PayoffAsync(HttpRequest request, IOptions<JsonOptions> json, MarketDirectory directory, IGrainFactory grains)
    {
        var (body, unreadable) = await JsonBody.ReadAsync<StrategyPayoffRequest>(request, json.Value.SerializerOptions);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var reader = new StrategyRequestReader();
        if (reader.Chain(body) is not { } named)
        {
            return reader.Problem();
        }

        var chain = directory.ResolveChain(named.Symbol, named.Expiry);
        if (!chain.IsOk)
        {
            return Problems.From(chain.Error, chain.Detail);
        }

        var snapshot = await grains.GetGrain<IOptionChainGrain>(chain.Value.ToString()).GetSnapshot();
        if (snapshot.Spot is not { } spot)
        {
            return TypedResults.Problem($"{chain.Value} has no spot price yet; try again once the underlying has traded.", statusCode: StatusCodes.Status409Conflict, title: "Not priced yet");
        }

        directory.TryResolveSymbol(snapshot.Symbol, out var instrument);
        var (legs, described) = reader.Resolve(body!.Legs!, snapshot, instrument!.LotSize);
        if (!reader.IsValid)
        {
            return reader.Problem();
        }

        var market = new StrategyMarket(spot, snapshot.Forward ?? spot, snapshot.TimeToExpiry, snapshot.Rate, snapshot.DividendYield, snapshot.Model == PricingModel.Black76);
        var result = StrategyPayoff.Analyse(legs, market);
        return TypedResults.Ok(new StrategyPayoffResponse(
            snapshot.Symbol, snapshot.Expiry, spot, snapshot.Forward, snapshot.TimeToExpiry, instrument.LotSize, snapshot.UpdatedAt, described,
            result.AtExpiry, result.Today, result.Breakevens, result.MaxProfit, result.MaxLoss, result.NetPremium, result.Greeks));
    }
}
