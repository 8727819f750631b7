using DeltaStream.Analytics;
using DeltaStream.Analytics.American;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Analytics.Volatility;
using DeltaStream.Gateway.Api.Pricing.Batch;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DeltaStream.Gateway.Api.Pricing;

/// <summary>
/// API.md "Pricing calculator". Domains: spot, forward and strike positive; t in (0, 100] years for prices
/// (any finite t for iv, where t &lt;= 0 answers status expired); rates and yields in [-1, 1]; vol in (0, 10].
/// American prices and IV take optional cash dividends (see <see cref="QueryReader.Dividends"/>).
/// </summary>
internal static class PricingEndpoints
{
    public static RouteGroupBuilder MapPricingApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/pricing").WithTags("Pricing calculator");
        api.MapGet("/bsm", Bsm).WithName("PriceBsm").Produces<GreeksResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/black76", Black76Price).WithName("PriceBlack76").Produces<GreeksResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/american", American).WithName("PriceAmerican").Produces<AmericanResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/iv", Iv).WithName("ImpliedVolatility").Produces<ImpliedVolatilityResponse>().ProducesValidationProblem();
        return api.MapBatchPricing();
    }

    private static IResult Bsm(HttpRequest request)
    {
        var q = new QueryReader(request.Query);
        var (type, spot, strike, t, r, dividendYield, vol) = SpotInputs(q);
        return q.IsValid ? Answer(BlackScholesMerton.Greeks(type, spot, strike, t, r, dividendYield, vol)) : q.Problem();
    }

    /// <summary>The inputs of a price from spot (BSM and American), each read against its domain; errors gather in <paramref name="q"/>.</summary>
    private static (OptionType Type, double Spot, double Strike, double T, double R, double DividendYield, double Vol) SpotInputs(QueryReader q) =>
        (q.Type(), q.Number("spot", 0, minExclusive: true), q.Number("strike", 0, minExclusive: true), q.Number("t", 0, 100, minExclusive: true),
            q.Number("r", -1, 1), q.Number("q", -1, 1), q.Number("vol", 0, 10, minExclusive: true));

    private static IResult Black76Price(HttpRequest request)
    {
        var q = new QueryReader(request.Query);
        var type = q.Type();
        var forward = q.Number("forward", 0, minExclusive: true);
        var strike = q.Number("strike", 0, minExclusive: true);
        var t = q.Number("t", 0, 100, minExclusive: true);
        var r = q.Number("r", -1, 1);
        var vol = q.Number("vol", 0, 10, minExclusive: true);
        return q.IsValid ? Answer(Black76.Greeks(type, forward, strike, t, r, vol)) : q.Problem();
    }

    private static readonly Dictionary<string, bool> Exercises = new() { ["european"] = false, ["american"] = true };

    private static IResult American(HttpRequest request)
    {
        var q = new QueryReader(request.Query);
        var (type, spot, strike, t, r, dividendYield, vol) = SpotInputs(q);
        var dividends = q.Dividends();
        if (!q.IsValid)
        {
            return q.Problem();
        }

        var response = AmericanResponse.From(AmericanOption.Greeks(type, spot, strike, t, r, dividendYield, vol, dividends));
        return response.IsFinite ? TypedResults.Ok(response) : TooExtreme();
    }

    private static IResult Iv(HttpRequest request)
    {
        var q = new QueryReader(request.Query);
        var type = q.Type();
        var spot = q.Number("spot", 0, minExclusive: true);
        var strike = q.Number("strike", 0, minExclusive: true);
        var t = q.Number("t", -100, 100);
        var r = q.Number("r", -1, 1);
        var dividendYield = q.Number("q", -1, 1);
        var price = q.Number("price");
        var american = q.Choice("exercise", Exercises, false);
        var dividends = q.Dividends();
        if (!american && dividends.Length > 0)
        {
            q.Reject("dividends", "dividends apply to exercise=american only.");
        }

        if (!q.IsValid)
        {
            return q.Problem();
        }

        var result = american
            ? AmericanImpliedVolatility.FromPrice(type, price, spot, strike, t, r, dividendYield, dividends)
            : ImpliedVolatility.FromSpot(type, price, spot, strike, t, r, dividendYield);
        return TypedResults.Ok(new ImpliedVolatilityResponse(result.Value, result.Status));
    }

    /// <summary>Inputs so extreme that a result overflows double (spot near 1e308 grown by carry) are out of the domain too.</summary>
    private static IResult Answer(OptionGreeks greeks)
    {
        var response = GreeksResponse.From(greeks);
        return response.IsFinite ? TypedResults.Ok(response) : TooExtreme();
    }

    private static ProblemHttpResult TooExtreme() =>
        TypedResults.Problem("The inputs are too extreme: a result overflows double precision.", statusCode: StatusCodes.Status400BadRequest, title: "Out of domain");
}
