using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DeltaStream.Testing;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>src/Silo and src/Gateway (as an Orleans client) as two processes on localhost clustering.</summary>
public sealed class ClientTopologyTests
{
    private const string OperatorPassword = "operator-password-for-tests";

    [Fact]
    public async Task A_gateway_in_client_mode_serves_the_market_computed_by_a_separate_silo_process()
    {
        var ports = new Dictionary<string, string>
        {
            ["DeltaStream__Cluster__SiloPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Cluster__GatewayPort"] = HostProcess.FreePortText(),
        };
        var operatorCredentials = new Dictionary<string, string>(ports)
        {
            ["DeltaStream__Auth__OperatorUsername"] = "operator",
            ["DeltaStream__Auth__OperatorPassword"] = OperatorPassword,
        };
        await using var silo = await HostProcess.StartAsync("Silo", operatorCredentials);
        await using var gateway = await HostProcess.StartAsync("Gateway", new Dictionary<string, string>(operatorCredentials)
        {
            ["DeltaStream__Gateway__Topology"] = "Client",
        });
        using var http = await TestAccounts.SignedInClientAsync(gateway.BaseAddress, TestContext.Current.CancellationToken);
        var expiry = (await http.GetFromJsonAsync<JsonElement>("api/v1/underlyings/SPY", TestContext.Current.CancellationToken)).GetProperty("expiries")[0].GetString();

        // The silo's feed started with the silo; the first chain snapshot asked for through the gateway has quotes.
        var chain = await http.GetFromJsonAsync<JsonElement>($"api/v1/chains/SPY/{expiry}", TestContext.Current.CancellationToken);

        Assert.True(chain.GetProperty("spot").ValueKind == JsonValueKind.Number, gateway.Output + silo.Output);
        Assert.NotEmpty(chain.GetProperty("strikes").EnumerateArray());
        // The grains run in the silo process only: it applies the ticks, the gateway process does not.
        using var siloHttp = new HttpClient { BaseAddress = silo.BaseAddress };
        Assert.Contains("deltastream_grains_ticks_applied", await siloHttp.GetStringAsync("metrics", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain("deltastream_grains_ticks_applied", await http.GetStringAsync("metrics", TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // Outside embedded mode the dashboard is the operator's: a user's token does not open it, Basic credentials do.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("dashboard/", TestContext.Current.CancellationToken)).StatusCode);
        await AssertOperatorOnlyAsync(gateway.BaseAddress);

        // The silo host's dashboard asks for the same credentials, even on its loopback listener.
        await AssertOperatorOnlyAsync(silo.BaseAddress);
    }

    private static async Task AssertOperatorOnlyAsync(Uri host)
    {
        using var operatorHttp = new HttpClient { BaseAddress = host };
        var anonymous = await operatorHttp.GetAsync("dashboard/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        operatorHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:" + OperatorPassword)));
        Assert.Equal(HttpStatusCode.OK, (await operatorHttp.GetAsync("dashboard/", TestContext.Current.CancellationToken)).StatusCode);
        operatorHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:wrong")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await operatorHttp.GetAsync("dashboard/", TestContext.Current.CancellationToken)).StatusCode);
    }
}
