using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using DeltaStream.Gateway.Api;
using DeltaStream.Gateway.Api.Limits;
using DeltaStream.Gateway.RateLimiting;
using DeltaStream.Users;

namespace DeltaStream.Gateway.Auth;

/// <summary>
/// API.md "Auth". Register, login, refresh and logout are anonymous (login and register under the stricter
/// sign-in rate limit, and login also under the per-account lockout); me needs a token or key; keys need a signed-in user (a JWT).
/// </summary>
internal static class AuthEndpoints
{
    private const string WrongCredentials = "Wrong email or password.";
    private const string AccountGone = "The account this token was issued for no longer exists.";

    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/v1/auth").WithTags("Auth").WithBodyLimit(RequestBodyLimit.Auth);
        auth.MapPost("/register", RegisterAsync).WithName("Register").RequireRateLimiting(RateLimitPolicies.SignIn)
            .Produces<SignInResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        auth.MapPost("/login", LoginAsync).WithName("Login").RequireRateLimiting(RateLimitPolicies.SignIn)
            .Produces<SignInResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        auth.MapPost("/refresh", RefreshAsync).WithName("Refresh").RequireRateLimiting(RateLimitPolicies.Api)
            .Produces<TokenPair>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/logout", LogoutAsync).WithName("Logout").RequireRateLimiting(RateLimitPolicies.Api)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapGet("/me", MeAsync).WithName("Me").RequireAuthorization().RequireRateLimiting(RateLimitPolicies.Api)
            .Produces<UserResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

        var keys = auth.MapGroup("/keys").RequireAuthorization(AuthSchemes.SignedInPolicy).RequireRateLimiting(RateLimitPolicies.Api)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        keys.MapPost("", CreateKeyAsync).WithName("CreateApiKey").Produces<CreatedApiKeyResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        keys.MapGet("", ListKeysAsync).WithName("ListApiKeys").Produces<ApiKeyInfo[]>();
        keys.MapDelete("/{id}", RevokeKeyAsync).WithName("RevokeApiKey").Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return auth;
    }

    private static async Task<IResult> RegisterAsync(CredentialsRequest? body, PasswordHasher passwords, TokenService tokens, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        if (!EmailAddress.TryNormalize(body?.Email, out var email))
        {
            errors["email"] = [$"email must be a valid address of at most {EmailAddress.MaxLength} characters."];
        }

        if (PasswordPolicy.Problem(body?.Password) is { } weak)
        {
            errors["password"] = [weak];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var account = await grains.GetGrain<IUserGrain>(email!).Register(email!, passwords.Hash(body!.Password!));
        if (account is null)
        {
            return TypedResults.Problem($"An account for {email} already exists.", statusCode: StatusCodes.Status409Conflict, title: "Email taken");
        }

        var pair = await tokens.SignInAsync(account);
        return TypedResults.Created("/api/v1/auth/me", new SignInResponse(pair.Token, pair.RefreshToken, pair.ExpiresAt, UserResponse.From(account)));
    }

    private static async Task<IResult> LoginAsync(CredentialsRequest? body, PasswordHasher passwords, TokenService tokens, IGrainFactory grains, ILoginThrottle throttle)
    {
        if (string.IsNullOrEmpty(body?.Email) || string.IsNullOrEmpty(body.Password) || body.Password.Length > PasswordPolicy.MaxLength)
        {
            return Problems.Invalid("credentials", "email and password are required (password at most 128 characters).");
        }

        // Locked accounts are refused before bcrypt, for unknown emails alike, so the answer reveals nothing.
        var attempts = LoginAccount.Of(body.Email);
        if (await throttle.LockedForAsync(attempts) is { } wait)
        {
            var seconds = RateLimitingExtensions.Seconds(wait);
            return new RetryLaterResult(seconds, $"Too many failed logins for this account; retry after {seconds} s.");
        }

        var account = EmailAddress.TryNormalize(body.Email, out var email) ? await grains.GetGrain<IUserGrain>(email).GetAccount() : null;
        if (!passwords.Verify(body.Password, account?.PasswordHash) || account is null)
        {
            await throttle.FailedAsync(attempts);
            return Unauthorized(WrongCredentials);
        }

        await throttle.SucceededAsync(attempts);
        var pair = await tokens.SignInAsync(account);
        return TypedResults.Ok(new SignInResponse(pair.Token, pair.RefreshToken, pair.ExpiresAt, UserResponse.From(account)));
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest? body, TokenService tokens) =>
        await tokens.RefreshAsync(body?.RefreshToken) is { } pair
            ? TypedResults.Ok(pair)
            : Unauthorized("The refresh token is unknown, expired, revoked or already used.");

    private static async Task<IResult> LogoutAsync(RefreshRequest? body, TokenService tokens) =>
        await tokens.RevokeAsync(body?.RefreshToken) ? TypedResults.NoContent() : Unauthorized("The refresh token is unknown, expired, revoked or already used.");

    private static async Task<IResult> MeAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        await AccountAsync(user, grains) is { } account ? TypedResults.Ok(UserResponse.From(account)) : Unauthorized(AccountGone);

    private static async Task<IResult> CreateKeyAsync(ApiKeyRequest? body, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var name = body?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ApiKeyLimits.MaxNameLength || name.Any(char.IsControl))
        {
            return Problems.Invalid("name", $"name is required: 1 to {ApiKeyLimits.MaxNameLength} printable characters.");
        }

        if (await AccountAsync(user, grains) is not { } account)
        {
            return Unauthorized(AccountGone);
        }

        var key = SecretTokens.Create(ApiKeyAuthenticationHandler.KeyPrefix);
        var info = await grains.GetGrain<IUserGrain>(account.Email).AddApiKey(name, SecretTokens.Hash(key), clock.GetUtcNow());
        return info is null
            ? Problems.Invalid("name", $"A user holds at most {ApiKeyLimits.MaxKeysPerUser} API keys; revoke one first.")
            : TypedResults.Created($"/api/v1/auth/keys/{info.Id}", new CreatedApiKeyResponse(info.Id, info.Name, key, info.CreatedAt));
    }

    private static async Task<IResult> ListKeysAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        await AccountAsync(user, grains) is { } account
            ? TypedResults.Ok(await grains.GetGrain<IUserGrain>(account.Email).ListApiKeys())
            : Unauthorized(AccountGone);

    private static async Task<IResult> RevokeKeyAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Guid.TryParse(id, out var keyId))
        {
            return Problems.Invalid("id", "id must be the id of one of your API keys (a GUID).");
        }

        if (await AccountAsync(user, grains) is not { } account)
        {
            return Unauthorized(AccountGone);
        }

        return await grains.GetGrain<IUserGrain>(account.Email).RevokeApiKey(keyId)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"You have no API key with id {keyId}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }

    /// <summary>The caller's account, checked against the token's subject (an account re-registered under the same email is another user).</summary>
    private static async Task<UserAccount?> AccountAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        var account = user.EmailOf() is { } email ? await grains.GetGrain<IUserGrain>(email).GetAccount() : null;
        return account is not null && account.Id.ToString() == user.UserId() ? account : null;
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
}
