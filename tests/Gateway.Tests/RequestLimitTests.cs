using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DeltaStream.Gateway.Tests;

/// <summary>Bodies are bounded per endpoint (413 ProblemDetails, declared or discovered while read) and JSON is bounded while it is read.</summary>
public sealed class RequestLimitTests(GatewayFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_login_body_over_4_kb_is_a_413_problem_naming_the_limit()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "a@example.com", password = new string('x', 5_000) }, Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("at most 4096 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_payoff_body_that_grows_past_64_kb_is_a_413_problem()
    {
        using var http = factory.CreateSignedInClient();
        var legs = string.Join(",", Enumerable.Repeat("""{"right":"call","strike":100,"side":"buy","lots":1}""", 3));
        var body = $$"""{"symbol":"NIFTY","expiry":"2026-12-01","legs":[{{legs}}],"padding":"{{new string(' ', 70_000)}}"}""";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/strategy/payoff") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await http.SendAsync(request, Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("at most 65536 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payoff_with_more_than_ten_legs_is_refused_while_read_naming_legs()
    {
        using var http = factory.CreateSignedInClient();
        var legs = string.Join(",", Enumerable.Repeat("""{"right":"call","strike":100,"side":"buy","lots":1}""", 500));
        using var content = new StringContent($$"""{"symbol":"NIFTY","expiry":"2026-12-01","legs":[{{legs}}]}""", Encoding.UTF8, "application/json");

        var response = await http.PostAsync("/api/v1/strategy/payoff", content, Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("at most 10 legs", problem.GetProperty("errors").GetProperty("legs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_body_nested_deeper_than_the_bound_is_a_400()
    {
        using var http = factory.CreateSignedInClient();
        var deep = new string('[', 100) + new string(']', 100);
        using var content = new StringContent($$"""{"symbol":"NIFTY","expiry":"2026-12-01","legs":[],"extra":{{deep}}}""", Encoding.UTF8, "application/json");

        var response = await http.PostAsync("/api/v1/strategy/payoff", content, Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("depth", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }
}
