namespace DeltaStream.Gateway.Api;

/// <summary>RFC 9457 answers for the API's rejection paths.</summary>
internal static class Problems
{
    public static IResult From(LookupError error, string? detail) => error switch
    {
        LookupError.InvalidExpiry => Invalid("expiry", detail!),
        _ => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
    };

    public static IResult UnknownSymbol(string symbol) =>
        From(LookupError.UnknownSymbol, MarketDirectory.UnknownSymbolDetail(symbol));

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: "Invalid parameter");
}
