using DeltaStream.Gateway.RateLimiting;

namespace DeltaStream.Gateway.Api;

internal static class DataApiGroup
{
    public const string Prefix = "/api/v1";

    /// <summary>
    /// The one /api/v1 group every data endpoint is mapped into: each inherits the token-or-key requirement and
    /// the per-client rate limit from here, and the 401 and 429 answers that come with them. (/api/v1/auth maps itself, anonymous where the contract says so.)
    /// </summary>
    public static RouteGroupBuilder MapDataApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup(Prefix).RequireAuthorization().RequireRateLimiting(RateLimitPolicies.Api)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
