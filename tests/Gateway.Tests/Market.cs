using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using DeltaStream.Snapshots;
using Microsoft.AspNetCore.SignalR.Client;

namespace DeltaStream.Gateway.Tests;

/// <summary>Waits for live data through the hub (a signal, not a sleep) and reads the REST API.</summary>
internal static class Market
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static async Task<string> FirstExpiryAsync(HttpClient http, string symbol)
    {
        var detail = await http.GetFromJsonAsync<JsonElement>($"/api/v1/underlyings/{symbol}", Json);
        return detail.GetProperty("expiries")[0].GetString()!;
    }

    /// <summary>A chain snapshot taken after the feed has quoted most of the chain.</summary>
    public static async Task<ChainSnapshot> QuotedChainAsync(TestGatewayFactory factory, string symbol, string expiry)
    {
        await using var hub = await HubClient.ConnectAsync(factory);
        await hub.Connection.InvokeAsync("SubscribeChain", symbol, expiry, null);
        var snapshot = await HubClient.NextAsync(hub.Snapshots);
        if (snapshot.Strikes.Count(s => s.Call is not null && s.Put is not null) < 21)
        {
            // Each update lists the strikes that changed; the chain is quoted once enough distinct strikes have both sides.
            await HubClient.NextAsync(hub.Updates, u => u.Strikes.Count(s => s.Call is not null && s.Put is not null) >= 21);
        }

        return await hub.Connection.InvokeAsync<ChainSnapshot>("GetChainSnapshot", symbol, expiry);
    }
}
