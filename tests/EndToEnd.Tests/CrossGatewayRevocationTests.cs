using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>A silo and two client-mode gateways: signing out on one gateway closes that sign-in's hub connection on the other.</summary>
public sealed class CrossGatewayRevocationTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signing_out_on_one_gateway_closes_the_sign_ins_hub_connection_on_another_within_seconds_while_another_users_stays()
    {
        var ports = new Dictionary<string, string>
        {
            ["DeltaStream__Cluster__SiloPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Cluster__GatewayPort"] = HostProcess.FreePortText(),
        };
        await using var silo = await HostProcess.StartAsync("Silo", ports);
        var client = new Dictionary<string, string>(ports) { ["DeltaStream__Gateway__Topology"] = "Client" };
        await using var first = await HostProcess.StartAsync("Gateway", client);
        await using var second = await HostProcess.StartAsync("Gateway", client);
        using var http = new HttpClient { BaseAddress = first.BaseAddress };
        var leaving = await TestAccounts.RegisterAsync(http, cancellationToken: Cancel);
        var staying = await TestAccounts.RegisterAsync(http, cancellationToken: Cancel);
        await using var leavingHub = await ConnectAsync(second.BaseAddress, leaving.Token);
        await using var stayingHub = await ConnectAsync(second.BaseAddress, staying.Token);
        var closed = Closed(leavingHub);

        var logout = await http.PostAsJsonAsync("api/v1/auth/logout", new { refreshToken = leaving.RefreshToken }, Cancel);
        await closed.WaitAsync(Bound, Cancel);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        var underlying = await stayingHub.InvokeAsync<JsonElement>("GetChainSnapshot", "SPY", await FirstExpiryAsync(http, staying), Cancel);
        Assert.Equal("SPY", underlying.GetProperty("symbol").GetString());
        Assert.Equal(HubConnectionState.Connected, stayingHub.State);
    }

    private static async Task<HubConnection> ConnectAsync(Uri gateway, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, "hubs/market"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await HubConnections.StartOrDisposeAsync(connection, Cancel);
        return connection;
    }

    private static Task Closed(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    private static async Task<string> FirstExpiryAsync(HttpClient http, SignedInUser user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/underlyings/SPY");
        request.Headers.Authorization = new("Bearer", user.Token);
        using var response = await http.SendAsync(request, Cancel);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("expiries")[0].GetString()!;
    }
}
