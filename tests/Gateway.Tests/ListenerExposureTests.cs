using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DeltaStream.Hosting.Operators;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// Embedded mode opens the dashboard and answers any origin only while every listener is loopback; a Host header
/// outside AllowedHosts (by default the loopback names) is refused whatever the listener.
/// </summary>
public sealed class ListenerExposureTests(LoopbackSocketGatewayFactory loopback, AllInterfacesGatewayFactory everywhere)
    : IClassFixture<LoopbackSocketGatewayFactory>, IClassFixture<AllInterfacesGatewayFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Any_origin_is_allowed_on_a_loopback_listener_and_not_on_all_interfaces()
    {
        using var local = new HttpClient { BaseAddress = loopback.BaseAddress };
        using var open = new HttpClient { BaseAddress = everywhere.BaseAddress };

        using var onLoopback = await local.SendAsync(AccessControlTests.Preflight("https://elsewhere.example.net"), Cancel);
        using var onAll = await open.SendAsync(AccessControlTests.Preflight("https://elsewhere.example.net"), Cancel);

        Assert.Equal("*", onLoopback.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(onAll.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_dashboard_is_open_on_loopback_and_asks_for_the_operators_credentials_on_all_interfaces()
    {
        using var local = new HttpClient { BaseAddress = loopback.BaseAddress };
        using var open = new HttpClient { BaseAddress = everywhere.BaseAddress };

        using var onLoopback = await local.GetAsync("dashboard/", Cancel);
        using var anonymous = await open.GetAsync("dashboard/", Cancel);
        open.DefaultRequestHeaders.Authorization = Basic(SocketGatewayFactory.OperatorUsername, "wrong");
        using var wrong = await open.GetAsync("dashboard/", Cancel);
        open.DefaultRequestHeaders.Authorization = Basic(SocketGatewayFactory.OperatorUsername, SocketGatewayFactory.OperatorPassword);
        using var operatorCall = await open.GetAsync("dashboard/", Cancel);

        Assert.Equal(HttpStatusCode.OK, onLoopback.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorCall.StatusCode);
    }

    [Theory]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("gateway.attacker.example", HttpStatusCode.BadRequest)]
    public async Task Only_the_loopback_host_names_are_served_by_default(string host, HttpStatusCode expected)
    {
        foreach (var factory in new SocketGatewayFactory[] { loopback, everywhere })
        {
            using var http = new HttpClient { BaseAddress = factory.BaseAddress };
            using var request = new HttpRequestMessage(HttpMethod.Get, "health/live");
            request.Headers.Host = $"{host}:{factory.BaseAddress.Port}";

            using var response = await http.SendAsync(request, Cancel);

            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://127.0.0.2:5000", true)]
    [InlineData("https://[::1]:8443", true)]
    [InlineData("http://unix:/run/deltastream.sock", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://192.0.2.10:8080", false)]
    [InlineData("http://gateway.example.com:8080", false)]
    public void A_listener_counts_as_local_only_on_a_loopback_address_localhost_or_a_unix_socket(string address, bool local) =>
        Assert.Equal(local, LocalListeners.IsLocal(address));

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
