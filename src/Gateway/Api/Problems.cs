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

    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A 400 listing every offending field; its detail joins their first messages.</summary>
    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.Select(e => e[0])), title: errors.Count == 1 ? "Invalid parameter" : "Invalid parameters");
}
