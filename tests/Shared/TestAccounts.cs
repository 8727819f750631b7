using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace DeltaStream.Testing;

/// <summary>
/// The test suites' one way in: the settings every test gateway runs with (a known signing key, test-sized rate
/// limits, a quick bcrypt) and a registered, signed-in user. Compiled into each test project that needs it.
/// </summary>
public static class TestAccounts
{
    /// <summary>The signing key of test gateways, so tests can also forge tokens with it (expired, wrong issuer...).</summary>
    public const string SigningKey = "deltastream-test-signing-key-not-for-production-0123456789";

    public const string Issuer = "deltastream";

    public const string Audience = "deltastream-api";

    public const string Password = "test-password-42";

    /// <summary>Configuration keys and values of a test gateway; limits are raised so suites never trip them by accident.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["DeltaStream:Auth:SigningKey"] = SigningKey,
        ["DeltaStream:Auth:BcryptWorkFactor"] = "4",
        ["DeltaStream:Auth:TokenLifetime"] = "02:00:00",
        ["DeltaStream:RateLimits:Api:PermitLimit"] = "1000000",
        ["DeltaStream:RateLimits:SignIn:PermitLimit"] = "10000",
        ["DeltaStream:RateLimits:Hub:PermitLimit"] = "1000000",
        ["DeltaStream:RateLimits:MaxConnectionsPerUser"] = "10000",
        ["DeltaStream:RateLimits:MaxSubscriptionsPerUser"] = "100000",
        // Only the tests that ask questions pay for embedding the docs (seconds of a core per gateway).
        ["DeltaStream:Ask:Index"] = "FirstQuestion",
    }.Concat(TestClock.Settings).ToDictionary();

    /// <summary>The same settings as environment variables, for gateways started as processes.</summary>
    public static IEnumerable<KeyValuePair<string, string>> EnvironmentVariables() =>
        Settings.Select(s => KeyValuePair.Create(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value));

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    /// <summary>Registers a fresh user through the API (so also signs them in).</summary>
    public static async Task<SignedInUser> RegisterAsync(HttpClient anonymous, string? email = null, CancellationToken cancellationToken = default)
    {
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email = email ?? NewEmail(), password = Password }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SignedInUser>(cancellationToken))!;
    }

    /// <summary>A client of the gateway at <paramref name="baseAddress"/> signed in as a newly registered user.</summary>
    public static async Task<HttpClient> SignedInClientAsync(Uri baseAddress, CancellationToken cancellationToken = default)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        Authorize(http, await RegisterAsync(http, cancellationToken: cancellationToken));
        return http;
    }

    public static HttpClient Authorize(HttpClient http, SignedInUser user)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        return http;
    }
}

/// <summary>The answer of register and login.</summary>
public sealed record SignedInUser(string Token, string RefreshToken, DateTimeOffset ExpiresAt, SignedInUser.Account User)
{
    public sealed record Account(Guid Id, string Email);
}
