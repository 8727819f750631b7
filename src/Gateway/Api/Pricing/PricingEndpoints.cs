using DeltaStream.Analytics.Pricing;
using DeltaStream.Analytics.Volatility;

namespace DeltaStream.Gateway.Api.Pricing;

/// <summary>
/// API.md "Pricing calculator". Domains: spot, forward and strike positive; t in (0, 100] years for prices
/// (any finite t for iv, where t &lt;= 0 answers status expired); rates and yields in [-1, 1]; vol in (0, 10].
/// </summary>
internal static class PricingEndpoints
{
    public static RouteGroupBuilder MapPricingApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/pricing").WithTags("Pricing calculator");
        api.MapGet("/bsm", Bsm).WithName("PriceBsm");
        api.MapGet("/black76", Black76Price).WithName("PriceBlack76");
        api.MapGet("/iv", Iv).WithName("ImpliedVolatility");
        return api;
    }

    private static IResult Bsm(HttpRequest request)
    {
        var q = new QueryReader(request.Query);
        var type = q.Type();
        var spot = q.Number("spot", 0, minExclusive: true);
        var strike = q.Number("strike", 0, minExclusive: true);
        var t = q.Number("t", 0, 100, minExclusive: true);
        var r = q.Number("r", -1, 1);
        var dividendYield = q.Number("q", -1, 1);
        var vol = q.Number("vol", 0, 10, minExclusive: true);
        return q.IsValid ? Answer(BlackScholesMerton.Greeks(type, spot, strike, t, r, dividendYield, vol)) : q.Problem();
    }

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
        if (!q.IsValid)
        {
            return q.Problem();
        }

        var result = ImpliedVolatility.FromSpot(type, price, spot, strike, t, r, dividendYield);
        return TypedResults.Ok(new ImpliedVolatilityResponse(result.Value, result.Status));
    }

    /// <summary>Inputs so extreme that a result overflows double (spot near 1e308 grown by carry) are out of the domain too.</summary>
    private static IResult Answer(OptionGreeks greeks)
    {
        var response = GreeksResponse.From(greeks);
        double[] values = [response.Price, response.Delta, response.Gamma, response.Theta, response.Vega, response.Rho, response.Vanna, response.Volga, response.Charm];
        return Array.TrueForAll(values, double.IsFinite)
            ? TypedResults.Ok(response)
            : TypedResults.Problem("The inputs are too extreme: a result overflows double precision.", statusCode: StatusCodes.Status400BadRequest, title: "Out of domain");
    }
}
