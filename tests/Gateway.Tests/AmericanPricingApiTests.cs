using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Analytics.Tests;

namespace DeltaStream.Gateway.Tests;

/// <summary>Every American reference vector through the REST calculator (prices, Greeks, IV), and its rejection paths.</summary>
public sealed class AmericanPricingApiTests(GatewayFactory factory)
{
    private static readonly string[] Fields = ["price", "europeanPrice", "earlyExercisePremium", "delta", "gamma", "theta", "vega", "rho"];

    private readonly HttpClient http = factory.CreateSignedInClient();

    public static TheoryData<string> AmericanCases => ReferenceVectors.American.Ids("american");

    public static TheoryData<string> IvCases => ReferenceVectors.American.Ids("iv");

    [Theory]
    [MemberData(nameof(AmericanCases))]
    public async Task American_calculator_answers_every_reference_case_within_its_tolerance(string id)
    {
        var c = ReferenceVectors.American.Case("american", id);
        var answer = await GetAsync($"american?{Inputs(c)}&vol={N(c, "vol")}{Dividends(c)}");

        var tolerance = c.GetProperty("tolerance");
        foreach (var field in Fields)
        {
            if (c.OptionalNumber(field) is { } expected && tolerance.OptionalNumber(field) is { } allowed)
            {
                var actual = answer.GetProperty(field).GetDouble();
                Assert.True(Math.Abs(actual - expected) <= allowed, $"{id} {field}: expected {expected:R}, got {actual:R}");
            }
        }

        Assert.Equal(answer.GetProperty("theta").GetDouble() / 365.0, answer.GetProperty("thetaPerDay").GetDouble(), 1e-15);
        Assert.Equal(answer.GetProperty("vega").GetDouble() / 100.0, answer.GetProperty("vegaPerPoint").GetDouble(), 1e-15);
        Assert.Equal(answer.GetProperty("rho").GetDouble() / 100.0, answer.GetProperty("rhoPerPoint").GetDouble(), 1e-15);
    }

    [Theory]
    [MemberData(nameof(IvCases))]
    public async Task Iv_calculator_with_american_exercise_answers_every_reference_case_with_its_status(string id)
    {
        var c = ReferenceVectors.American.Case("iv", id);
        var answer = await GetAsync($"iv?exercise=american&{Inputs(c)}&price={N(c, "price")}{Dividends(c)}");

        var status = answer.GetProperty("status").GetString()!;
        var accepted = c.TryGetProperty("accept_status", out var list) ? list.EnumerateArray().Select(s => s.GetString()!).ToArray() : [c.GetProperty("status").GetString()!];
        Assert.Contains(ToReferenceStatus(status), accepted);
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
    [InlineData("american?spot=100&strike=100&t=1&r=0.05&q=0&vol=0.2", "type")]
    [InlineData("american?type=put&spot=0&strike=100&t=1&r=0.05&q=0&vol=0.2", "spot")]
    [InlineData("american?type=put&spot=100&strike=100&t=0&r=0.05&q=0&vol=0.2", "t")]
    [InlineData("american?type=put&spot=100&strike=100&t=1&r=0.05&q=0&vol=11", "vol")]
    [InlineData("american?type=put&spot=100&strike=100&t=1&r=0.05&q=0&vol=0.2&dividends=0.5", "dividends")]
    [InlineData("american?type=put&spot=100&strike=100&t=1&r=0.05&q=0&vol=0.2&dividends=0.5:1,abc:2", "dividends")]
    [InlineData("american?type=put&spot=100&strike=100&t=1&r=0.05&q=0&vol=0.2&dividends=-0.5:1", "dividends")]
    [InlineData("american?type=put&spot=100&strike=100&t=1&r=0.05&q=0&vol=0.2&dividends=0.5:-1", "dividends")]
    [InlineData("american?type=put&spot=100&strike=100&t=1&r=0.05&q=0&vol=0.2&dividends=0.5:NaN", "dividends")]
    [InlineData("iv?exercise=bermudan&type=put&spot=100&strike=100&t=1&r=0.05&q=0&price=8", "exercise")]
    [InlineData("iv?type=put&spot=100&strike=100&t=1&r=0.05&q=0&price=8&dividends=0.5:1", "dividends")]
    [InlineData("iv?exercise=american&type=put&spot=100&strike=100&t=1&r=0.05&q=0&price=8&dividends=0.5;1", "dividends")]
    public async Task Missing_malformed_or_out_of_domain_inputs_are_a_400_naming_the_field(string query, string field)
    {
        var response = await http.GetAsync($"/api/v1/pricing/{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.Contains(field, messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_invalid_american_field_is_listed_in_one_answer()
    {
        var response = await http.GetAsync("/api/v1/pricing/american?type=x&spot=0&t=-1&dividends=x", TestContext.Current.CancellationToken);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");

        Assert.Equal(["type", "spot", "strike", "t", "r", "q", "vol", "dividends"], errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_european_call_without_dividends_has_no_early_exercise_premium()
    {
        var answer = await GetAsync("american?type=call&spot=100&strike=100&t=0.5&r=0.05&q=0&vol=0.2");

        Assert.Equal(0.0, answer.GetProperty("earlyExercisePremium").GetDouble());
        Assert.Equal(answer.GetProperty("europeanPrice").GetDouble(), answer.GetProperty("price").GetDouble());
    }

    private async Task<JsonElement> GetAsync(string query)
    {
        var response = await http.GetAsync($"/api/v1/pricing/{query}", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{query}: {body}");
        return body;
    }

    private static string Inputs(JsonElement c) =>
        $"type={c.GetProperty("type").GetString()}&spot={N(c, "spot")}&strike={N(c, "strike")}&t={N(c, "t")}&r={N(c, "r")}&q={N(c, "q")}";

    private static string Dividends(JsonElement c) =>
        c.TryGetProperty("dividends", out var list) && list.GetArrayLength() > 0
            ? "&dividends=" + string.Join(',', list.EnumerateArray().Select(d => $"{R(d.Number("t"))}:{R(d.Number("amount"))}"))
            : "";

    /// <summary>The exact double, written so that parsing it gives the same double back.</summary>
    private static string N(JsonElement c, string field) => R(c.Number(field));

    private static string R(double value) => Uri.EscapeDataString(value.ToString("R", CultureInfo.InvariantCulture));

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
