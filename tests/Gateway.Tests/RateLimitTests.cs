using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace DeltaStream.Gateway.Tests;

/// <summary>Limits per user or key (per IP when anonymous), stricter on sign-in: 429 ProblemDetails with Retry-After; on the hub, a HubException.</summary>
public sealed class RateLimitTests(StrictGatewayFactory factory) : IClassFixture<StrictGatewayFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_brute_force_from_one_address_gets_429_with_retry_after_while_another_address_may_still_try()
    {
        var attacker = IPAddress.Parse("203.0.113.7");
        var statuses = new List<int>();
        for (var i = 0; i <= StrictGatewayFactory.SignInPermits; i++)
        {
            statuses.Add((int)(await LoginFromAsync(attacker, $"guess-{i}-password")).StatusCode);
        }

        var blocked = await LoginFromAsync(attacker, "one-more-guess-1");
        var elsewhere = await LoginFromAsync(IPAddress.Parse("198.51.100.9"), "honest-typo-1");

        Assert.Equal(Enumerable.Repeat(401, StrictGatewayFactory.SignInPermits).Append(429), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.True(int.Parse(blocked.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) > 0);
        Assert.Equal("application/problem+json", blocked.Content.Headers.ContentType?.MediaType);
        var problem = await blocked.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Guesses_at_one_account_from_many_forwarded_addresses_lock_it_with_retry_after_even_for_the_right_password_while_other_accounts_may_sign_in()
    {
        var victim = await RegisterFromAsync(IPAddress.Parse("192.0.2.51"));
        var bystander = await RegisterFromAsync(IPAddress.Parse("192.0.2.52"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < StrictGatewayFactory.FreeAccountFailures; i++)
        {
            // Each guess from another address, and the email written another way: the account is what is counted.
            var spelling = i % 2 == 0 ? victim.User.Email.ToUpperInvariant() : $"  {victim.User.Email} ";
            statuses.Add((await LoginThroughProxyAsync($"198.18.0.{i + 1}", spelling, $"guess-{i}-password")).StatusCode);
        }

        var locked = await LoginThroughProxyAsync("198.18.1.1", victim.User.Email, TestAccounts.Password);
        var other = await LoginThroughProxyAsync("198.18.1.2", bystander.User.Email, TestAccounts.Password);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(int.Parse(locked.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) > 0);
        var problem = await locked.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains("failed logins for this account", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Forwarded_addresses_are_believed_from_the_configured_proxy_only()
    {
        var throughProxy = new List<HttpStatusCode>();
        var spoofed = new List<HttpStatusCode>();
        for (var i = 0; i <= StrictGatewayFactory.SignInPermits; i++)
        {
            throughProxy.Add((await LoginThroughProxyAsync($"198.19.0.{i + 1}", TestAccounts.NewEmail(), "any-password-1")).StatusCode);
            spoofed.Add((await LoginAsync("203.0.113.99", $"198.19.1.{i + 1}", TestAccounts.NewEmail(), "any-password-1")).StatusCode);
        }

        // Through the proxy every client has its own budget; anyone else's X-Forwarded-For is ignored and its own address's budget runs out.
        Assert.All(throughProxy, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, StrictGatewayFactory.SignInPermits).Append(HttpStatusCode.TooManyRequests), spoofed);
    }

    [Fact]
    public async Task A_user_over_the_api_limit_gets_429_and_another_user_is_unaffected()
    {
        using var greedy = await SignedInAsync();
        using var polite = await SignedInAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= StrictGatewayFactory.ApiPermits; i++)
        {
            statuses.Add((await greedy.GetAsync("/api/v1/underlyings", Cancel)).StatusCode);
        }

        var over = await greedy.GetAsync("/api/v1/underlyings", Cancel);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, StrictGatewayFactory.ApiPermits).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.NotNull(over.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await polite.GetAsync("/api/v1/underlyings", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Every_limited_answer_tells_the_client_its_limit_what_is_left_and_when_the_window_reopens()
    {
        using var client = TestAccounts.Authorize(factory.CreateClient(), await RegisterFromAsync(IPAddress.Parse("192.0.2.61")));

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i <= StrictGatewayFactory.ApiPermits; i++)
        {
            answers.Add(await client.GetAsync("/api/v1/underlyings", Cancel));
        }

        Assert.All(answers, a => Assert.Equal($"{StrictGatewayFactory.ApiPermits}", Header(a, "X-RateLimit-Limit")));
        Assert.Equal(
            Enumerable.Range(0, StrictGatewayFactory.ApiPermits).Select(i => $"{StrictGatewayFactory.ApiPermits - 1 - i}").Append("0"),
            answers.Select(a => Header(a, "X-RateLimit-Remaining")));
        // A ten-minute window: the reset is within it, and the 429's matches its Retry-After.
        Assert.All(answers, a => Assert.InRange(int.Parse(Header(a, "X-RateLimit-Reset"), CultureInfo.InvariantCulture), 1, 600));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1].StatusCode);
        Assert.Equal(Header(answers[^1], "Retry-After"), Header(answers[^1], "X-RateLimit-Reset"));
        Assert.False((await factory.CreateClient().GetAsync("/health/live", Cancel)).Headers.Contains("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task Insights_count_against_the_api_limit()
    {
        using var greedy = await SignedInAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= StrictGatewayFactory.ApiPermits; i++)
        {
            statuses.Add((await greedy.GetAsync("/api/v1/insights/SPY", Cancel)).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, StrictGatewayFactory.ApiPermits).Append(HttpStatusCode.TooManyRequests), statuses);
    }

    [Fact]
    public async Task Hub_calls_over_the_limit_raise_a_hub_exception_and_the_connection_stays_open()
    {
        var user = await TestAccounts.RegisterAsync(factory.CreateClient(), cancellationToken: Cancel);
        await using var hub = await HubClient.ConnectAsync(factory, o => o.AccessTokenProvider = () => Task.FromResult<string?>(user.Token));

        HubException? limited = null;
        for (var i = 0; i <= StrictGatewayFactory.HubPermits && limited is null; i++)
        {
            limited = await Record.ExceptionAsync(() => hub.Connection.InvokeAsync("UnsubscribeUnderlying", "AAPL", Cancel)) as HubException;
        }

        Assert.NotNull(limited);
        Assert.Contains("Rate limit exceeded", limited.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, hub.Connection.State);
    }

    [Fact]
    public async Task A_connection_holds_at_most_the_configured_number_of_subscriptions()
    {
        var user = await TestAccounts.RegisterAsync(factory.CreateClient(), cancellationToken: Cancel);
        await using var hub = await HubClient.ConnectAsync(factory, o => o.AccessTokenProvider = () => Task.FromResult<string?>(user.Token));
        await hub.Connection.InvokeAsync("SubscribeUnderlying", "AAPL", Cancel);
        await hub.Connection.InvokeAsync("SubscribeUnderlying", "SPY", Cancel);

        var over = await Assert.ThrowsAsync<HubException>(() => hub.Connection.InvokeAsync("SubscribeUnderlying", "QQQ", Cancel));
        await hub.Connection.InvokeAsync("SubscribeUnderlying", "SPY", Cancel);
        await hub.Connection.InvokeAsync("UnsubscribeUnderlying", "AAPL", Cancel);
        await hub.Connection.InvokeAsync("SubscribeUnderlying", "QQQ", Cancel);

        Assert.Contains($"at most {StrictGatewayFactory.MaxSubscriptions} subscriptions", over.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, hub.Connection.State);
    }

    [Fact]
    public async Task A_user_beyond_the_configured_number_of_connections_is_refused_with_a_message_and_their_others_stay_open()
    {
        var user = await RegisterFromAsync(IPAddress.Parse("192.0.2.41"));
        var open = new List<HubClient>();
        for (var i = 0; i < StrictGatewayFactory.MaxUserConnections; i++)
        {
            open.Add(await ConnectAsync(user));
        }

        await using var refused = await ConnectAsync(user);
        var error = await refused.Closed.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        await open[1].Connection.InvokeAsync("SubscribeUnderlying", "SPY", Cancel);

        Assert.Contains($"at most {StrictGatewayFactory.MaxUserConnections} hub connections", error?.Message, StringComparison.Ordinal);
        Assert.All(open, hub => Assert.Equal(HubConnectionState.Connected, hub.Connection.State));
        foreach (var hub in open)
        {
            await hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_user_holds_at_most_the_configured_number_of_subscriptions_across_their_connections()
    {
        var user = await RegisterFromAsync(IPAddress.Parse("192.0.2.42"));
        await using var first = await ConnectAsync(user);
        await using var second = await ConnectAsync(user);
        await first.Connection.InvokeAsync("SubscribeUnderlying", "AAPL", Cancel);
        await first.Connection.InvokeAsync("SubscribeUnderlying", "SPY", Cancel);
        await second.Connection.InvokeAsync("SubscribeUnderlying", "QQQ", Cancel);

        var over = await Assert.ThrowsAsync<HubException>(() => second.Connection.InvokeAsync("SubscribeUnderlying", "TSLA", Cancel));
        await first.Connection.InvokeAsync("UnsubscribeUnderlying", "AAPL", Cancel);
        await second.Connection.InvokeAsync("SubscribeUnderlying", "TSLA", Cancel);

        Assert.Contains($"a user at most {StrictGatewayFactory.MaxUserSubscriptions}", over.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, second.Connection.State);
    }

    private Task<HttpResponseMessage> LoginThroughProxyAsync(string client, string email, string password) =>
        LoginAsync(StrictGatewayFactory.Proxy, client, email, password);

    private async Task<HttpResponseMessage> LoginAsync(string peer, string forwardedFor, string email, string password)
    {
        using var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add(StrictGatewayFactory.ClientAddressHeader, peer);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Cancel);
    }

    /// <summary>Registers from an address of its own, so the test spends no other test's sign-in budget.</summary>
    private async Task<SignedInUser> RegisterFromAsync(IPAddress address)
    {
        using var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add(StrictGatewayFactory.ClientAddressHeader, address.ToString());
        return await TestAccounts.RegisterAsync(http, cancellationToken: Cancel);
    }

    private Task<HubClient> ConnectAsync(SignedInUser user) =>
        HubClient.ConnectAsync(factory, o => o.AccessTokenProvider = () => Task.FromResult<string?>(user.Token));

    private async Task<HttpClient> SignedInAsync()
    {
        var http = factory.CreateClient();
        return TestAccounts.Authorize(http, await TestAccounts.RegisterAsync(http, cancellationToken: Cancel));
    }

    private async Task<HttpResponseMessage> LoginFromAsync(IPAddress address, string password)
    {
        using var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add(StrictGatewayFactory.ClientAddressHeader, address.ToString());
        return await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "victim@example.com", password }, Cancel);
    }

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();
}
