using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DeltaStream.Analytics.Tests;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// POST /api/v1/pricing/batch, /batch/american and /batch/iv: every reference case in one request answers as the
/// single-option calculator does, in order; each rejection names the offending option's field.
/// </summary>
public sealed class BatchPricingApiTests(GatewayFactory factory)
{
    private static readonly string[] GreekFields = ["price", "delta", "gamma", "theta", "thetaPerDay", "vega", "vegaPerPoint", "rho", "rhoPerPoint", "vanna", "volga", "charm"];

    private readonly HttpClient http = factory.CreateSignedInClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_of_every_bsm_reference_case_answers_each_as_the_single_option_calculator_does_in_order()
    {
        var cases = ReferenceVectors.Section("bsm").EnumerateArray().ToArray();
        var options = cases.Select(c => new { type = c.GetProperty("type").GetString(), spot = c.Number("S"), strike = c.Number("K"), t = c.Number("T"), r = c.Number("r"), q = c.Number("q"), vol = c.Number("sigma") }).ToArray();

        var batch = await PostAsync("batch", new { options });

        Assert.Equal(options.Length, batch.GetArrayLength());
        for (var i = 0; i < options.Length; i++)
        {
            var o = options[i];
            var single = await http.GetFromJsonAsync<JsonElement>(Query("bsm", ("type", o.type!), ("spot", o.spot), ("strike", o.strike), ("t", o.t), ("r", o.r), ("q", o.q), ("vol", o.vol)), Cancel);
            foreach (var field in GreekFields)
            {
                // The vector lanes evaluate the same formulas with vectorised exp, log and normal CDF: equal to a few ulps.
                var (expected, actual) = (single.GetProperty(field).GetDouble(), batch[i].GetProperty(field).GetDouble());
                Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{cases[i].GetProperty("id")} {field}: {actual} vs {expected}");
            }
        }
    }

    [Theory]
    [InlineData("european")]
    [InlineData("american")]
    public async Task A_batch_of_implied_vols_answers_each_as_the_single_option_calculator_does(string exercise)
    {
        var options = Enumerable.Range(0, 11).Select(i => new { type = i % 2 == 0 ? "call" : "put", spot = 100.0, strike = 80.0 + (4 * i), t = 0.5, r = 0.05, q = 0.01, price = 3.0 + i }).ToArray();

        var batch = await PostAsync("batch/iv", new { exercise, options });

        Assert.Equal(options.Length, batch.GetArrayLength());
        for (var i = 0; i < options.Length; i++)
        {
            var o = options[i];
            var single = await http.GetFromJsonAsync<JsonElement>(
                Query("iv", ("type", o.type), ("spot", o.spot), ("strike", o.strike), ("t", o.t), ("r", o.r), ("q", o.q), ("price", o.price), ("exercise", exercise)), Cancel);
            Assert.Equal(single.GetProperty("status").GetString(), batch[i].GetProperty("status").GetString());
            Assert.Equal(single.GetProperty("iv").ToString(), batch[i].GetProperty("iv").ToString());
        }

        Assert.Contains(batch.EnumerateArray(), r => r.GetProperty("status").GetString() == "ok");
    }

    [Fact]
    public async Task A_batch_of_american_options_answers_each_as_the_single_option_calculator_does()
    {
        var options = Enumerable.Range(0, 5).Select(i => new { type = i % 2 == 0 ? "put" : "call", spot = 100.0, strike = 90.0 + (5 * i), t = 0.75, r = 0.06, q = 0.02, vol = 0.25 }).ToArray();

        var batch = await PostAsync("batch/american", new { options });

        for (var i = 0; i < options.Length; i++)
        {
            var o = options[i];
            var single = await http.GetFromJsonAsync<JsonElement>(Query("american", ("type", o.type), ("spot", o.spot), ("strike", o.strike), ("t", o.t), ("r", o.r), ("q", o.q), ("vol", o.vol)), Cancel);
            Assert.Equal(single.ToString(), batch[i].ToString());
        }
    }

    [Fact]
    public async Task Every_offending_field_of_a_batch_is_named_by_its_path_and_nothing_is_priced()
    {
        var good = new { type = "call", spot = 100.0, strike = 100.0, t = 0.5, r = 0.05, q = 0.0, vol = 0.2 };
        object[] options = [good, good, good, new { type = "straddle", spot = -1.0, strike = 100.0, t = 0.5, r = 0.05, q = 0.0, vol = 0.2 }, good, new { type = "put", spot = 100.0, strike = 100.0, t = 0.5, r = 0.05, q = 0.0 }];

        var errors = await RejectedAsync("batch", new { options });

        Assert.Equal(["options[3].spot", "options[3].type", "options[5].vol"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("batch", 0, null, "options")]
    [InlineData("batch", 10_001, null, "options")]
    [InlineData("batch/american", 201, null, "options")]
    [InlineData("batch", 1, "american", "exercise")]
    [InlineData("batch/iv", 1, "bermudan", "exercise")]
    public async Task A_batch_that_is_empty_too_large_or_names_a_wrong_exercise_is_a_400_naming_the_field(string route, int count, string? exercise, string field)
    {
        var option = new { type = "call", spot = 100.0, strike = 100.0, t = 0.5, r = 0.05, q = 0.0, vol = 0.2, price = 6.0 };

        var errors = await RejectedAsync(route, new { exercise, options = Enumerable.Repeat(option, count).ToArray() });

        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task A_list_of_a_million_empty_options_is_refused_while_read_naming_options()
    {
        // 3 bytes an option: within the body limit, and far past what the gateway would hold in memory.
        var body = "{\"options\":[" + string.Join(',', Enumerable.Repeat("{}", 600_000)) + "]}";

        using var response = await http.PostAsync("/api/v1/pricing/batch", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Contains("at most 10,000", errors.GetProperty("options")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_two_megabytes_is_refused_with_413_as_problem_details()
    {
        var body = new StringBuilder("{\"options\":[").Append(string.Join(',', Enumerable.Repeat("{\"type\":\"call\",\"spot\":100,\"strike\":100,\"t\":0.5,\"r\":0.05,\"q\":0,\"vol\":0.2}", 40_000))).Append("]}");

        using var response = await http.PostAsync("/api/v1/pricing/batch", new StringContent(body.ToString(), Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> PostAsync(string route, object body)
    {
        using var response = await http.PostAsJsonAsync($"/api/v1/pricing/{route}", body, Cancel);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private async Task<JsonElement> RejectedAsync(string route, object body)
    {
        using var response = await http.PostAsJsonAsync($"/api/v1/pricing/{route}", body, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
    }

    private static string Query(string route, params (string Name, object Value)[] fields) =>
        $"/api/v1/pricing/{route}?" + string.Join('&', fields.Select(f => f.Name + "=" + Uri.EscapeDataString(f.Value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : f.Value.ToString()!)));
}
