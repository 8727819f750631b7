using System.Net.Http.Json;
using System.Text.Json;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>The hosts listen where the standard ASP.NET Core settings say, as containers and operators set them.</summary>
public sealed class HostingConventionsTests
{
    public static TheoryData<string, string> Conventions => new()
    {
        { "Gateway", "ASPNETCORE_URLS" },
        { "Gateway", "ASPNETCORE_HTTP_PORTS" },
        { "Gateway", "--urls" },
        { "Silo", "ASPNETCORE_HTTP_PORTS" },
        { "Feed", "ASPNETCORE_URLS" },
    };

    [Theory]
    [MemberData(nameof(Conventions))]
    public async Task A_host_listens_on_the_address_given_by_the_standard_setting(string project, string setting)
    {
        var port = HostProcess.FreePortText();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var environment = new Dictionary<string, string>
        {
            ["DeltaStream__Cluster__SiloPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Cluster__GatewayPort"] = HostProcess.FreePortText(),
        };
        List<string> arguments = [];
        switch (setting)
        {
            case "--urls":
                arguments.AddRange(["--urls", address.ToString()]);
                break;
            case "ASPNETCORE_HTTP_PORTS":
                environment[setting] = port;
                break;
            default:
                environment[setting] = address.ToString();
                break;
        }

        // /health/live answers once Kestrel listens, whether or not a cluster is there (the feed has none here).
        await using var host = await HostProcess.StartAsync(project, environment, address, arguments, "health/live");

        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var live = await http.GetFromJsonAsync<JsonElement>("health/live", TestContext.Current.CancellationToken);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
    }
}
