using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Analytics.Tests;

namespace DeltaStream.Gateway.Tests;

/// <summary>Every reference vector through the REST calculator, and its rejection paths.</summary>
public sealed class PricingApiTests(GatewayFactory factory)
{
    private static readonly (string Api, string Reference)[] Fields =
    [
        ("price", "price"), ("delta", "delta"), ("gamma", "gamma"), ("theta", "theta"), ("thetaPerDay", "theta_per_day"),
        ("vega", "vega"), ("vegaPerPoint", "vega_per_point"), ("rho", "rho"), ("rhoPerPoint", "rho_per_point"),
        ("vanna", "vanna"), ("volga", "volga"), ("charm", "charm"),
    ];

    private readonly HttpClient http = factory.CreateSignedInClient();

    public static TheoryData<string> BsmCases => ReferenceVectors.Ids("bsm");

    public static TheoryData<string> Black76Cases => ReferenceVectors.Ids("black76");

    public static TheoryData<string> IvCases => ReferenceVectors.Ids("iv");

    [Theory]
    [MemberData(nameof(BsmCases))]
    public async Task Bsm_calculator_answers_every_reference_case_within_its_tolerance(string id)
    {
        var c = ReferenceVectors.Case("bsm", id);
        var answer = await GetAsync($"bsm?type={Type(c)}&spot={N(c, "S")}&strike={N(c, "K")}&t={N(c, "T")}&r={N(c, "r")}&q={N(c, "q")}&vol={N(c, "sigma")}");
        AssertFields(c, answer, c.Number("S"));
    }

    [Theory]
    [MemberData(nameof(Black76Cases))]
    public async Task Black76_calculator_answers_every_reference_case_with_rho_at_fixed_forward(string id)
    {
        var c = ReferenceVectors.Case("black76", id);
        var answer = await GetAsync($"black76?type={Type(c)}&forward={N(c, "F")}&strike={N(c, "K")}&t={N(c, "T")}&r={N(c, "r")}&vol={N(c, "sigma")}");
        AssertFields(c, answer, c.Number("F"));
    }

    [Theory]
    [MemberData(nameof(IvCases))]
    public async Task Iv_calculator_answers_every_reference_case_with_its_status(string id)
    {
        var c = ReferenceVectors.Case("iv", id);
        var answer = await GetAsync($"iv?type={Type(c)}&spot={N(c, "S")}&strike={N(c, "K")}&t={N(c, "T")}&r={N(c, "r")}&q={N(c, "q")}&price={N(c, "price")}");

        var status = answer.GetProperty("status").GetString();
        var accepted = c.TryGetProperty("accept_status", out var list) ? list.EnumerateArray().Select(s => s.GetString()!).ToArray() : [c.GetProperty("status").GetString()!];
        Assert.Contains(ToReferenceStatus(status!), accepted);
        if (status != "ok")
        {
            Assert.Equal(JsonValueKind.Null, answer.GetProperty("iv").ValueKind);
        }
        else if (c.OptionalNumber("iv") is { } expected)
        {
            Assert.True(Math.Abs(answer.GetProperty("iv").GetDouble() - expected) <= c.Number("iv_abs_tol"), $"{id}: {answer}");
        }
    }

    [Theory]
    [InlineData("bsm?spot=100&strike=100&t=1&r=0.05&q=0&vol=0.2", "type")]
    [InlineData("bsm?type=straddle&spot=100&strike=100&t=1&r=0.05&q=0&vol=0.2", "type")]
    [InlineData("bsm?type=call&spot=NaN&strike=100&t=1&r=0.05&q=0&vol=0.2", "spot")]
    [InlineData("bsm?type=call&spot=100&strike=Infinity&t=1&r=0.05&q=0&vol=0.2", "strike")]
    [InlineData("bsm?type=call&spot=100&strike=100&t=0&r=0.05&q=0&vol=0.2", "t")]
    [InlineData("bsm?type=call&spot=100&strike=100&t=1&r=0.05&q=0&vol=-0.2", "vol")]
    [InlineData("bsm?type=call&spot=-1&strike=100&t=1&r=0.05&q=0&vol=0.2", "spot")]
    [InlineData("bsm?type=call&spot=100&strike=100&t=1&r=abc&q=0&vol=0.2", "r")]
    [InlineData("bsm?type=call&spot=100&strike=100&t=1&r=0.05&vol=0.2", "q")]
    [InlineData("black76?type=put&forward=0&strike=100&t=1&r=0.05&vol=0.2", "forward")]
    [InlineData("iv?type=put&spot=100&strike=100&t=1&r=0.05&q=0", "price")]
    [InlineData("iv?type=put&spot=100&strike=100&t=1&r=5&q=0&price=3", "r")]
    public async Task Missing_non_finite_or_out_of_domain_inputs_are_a_400_naming_the_field(string query, string field)
    {
        var response = await http.GetAsync($"/api/v1/pricing/{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.Contains(field, messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_invalid_field_is_listed_in_one_answer()
    {
        var response = await http.GetAsync("/api/v1/pricing/bsm?type=x&spot=0&t=-1", TestContext.Current.CancellationToken);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");

        Assert.Equal(["type", "spot", "strike", "t", "r", "q", "vol"], errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_result_that_would_overflow_is_rejected_not_answered_with_infinity()
    {
        var response = await http.GetAsync("/api/v1/pricing/bsm?type=call&spot=1e308&strike=1&t=100&r=0&q=-1&vol=0.2", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Infinity", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Iv_with_expired_time_answers_a_status_not_an_error()
    {
        var answer = await GetAsync("iv?type=call&spot=100&strike=90&t=0&r=0.05&q=0&price=10");

        Assert.Equal("expired", answer.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("iv").ValueKind);
    }

    private async Task<JsonElement> GetAsync(string query)
    {
        var response = await http.GetAsync($"/api/v1/pricing/{query}", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{query}: {body}");
        return body;
    }

    private static void AssertFields(JsonElement c, JsonElement answer, double scale)
    {
        var id = c.GetProperty("id").GetString()!;
        foreach (var (api, reference) in Fields)
        {
            Tolerance.AssertClose(reference, c.Number(reference), answer.GetProperty(api).GetDouble(), Tolerance.Floor(reference, scale), id);
        }
    }

    /// <summary>The exact double, written so that parsing it gives the same double back.</summary>
    private static string N(JsonElement c, string field) => Uri.EscapeDataString(c.Number(field).ToString("R", CultureInfo.InvariantCulture));

    private static string Type(JsonElement c) => c.GetProperty("type").GetString()!;

    private static string ToReferenceStatus(string apiStatus) => apiStatus switch
    {
        "ok" => "OK",
        "atIntrinsic" => "AT_INTRINSIC",
        "belowIntrinsic" => "BELOW_INTRINSIC",
        "aboveMaximum" => "ABOVE_MAXIMUM",
        "expired" => "UNDEFINED_T0",
        _ => apiStatus,
    };
}
