using System.Net;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// Random, huge, non-finite and very long values in every query parameter, path segment and hub argument: never a
/// 5xx, every rejection a ProblemDetails (a HubException on the hub), and the hub connection kept throughout.
/// </summary>
public sealed class FuzzTests(GatewayFactory factory)
{
    private const int RoundsPerRoute = 40;

    private static readonly string[] Routes =
    [
        "/api/v1/underlyings/{0}",
        "/api/v1/chains/{0}/{1}?strikes={2}",
        "/api/v1/chains/NIFTY/{0}?strikes={1}",
        "/api/v1/options/{0}",
        "/api/v1/pricing/bsm?type={0}&spot={1}&strike={2}&t={3}&r={4}&q={5}&vol={6}",
        "/api/v1/pricing/black76?type={0}&forward={1}&strike={2}&t={3}&r={4}&vol={5}",
        "/api/v1/pricing/iv?type={0}&spot={1}&strike={2}&t={3}&r={4}&q={5}&price={6}",
        "/api/v1/analytics/{0}/pcr?expiry={1}",
        "/api/v1/analytics/NIFTY/max-pain?expiry={0}",
        "/api/v1/analytics/{0}/iv-smile?expiry={1}",
        "/api/v1/analytics/{0}/term-structure",
        "/api/v1/analytics/NIFTY/gex?expiry={0}",
        "/api/v1/analytics/{0}/oi-buildup?expiry={1}",
        "/api/v1/auth/keys/{0}",
    ];

    private static readonly string[] Interesting =
    [
        "", " ", "NaN", "nan", "Infinity", "-Infinity", "1e309", "-1e309", "1e308", "-1e308", "4.9e-324", "0", "-0", "-1",
        "99999999999999999999999999", "0x10", "1,5", "1_000", "null", "true", "[]", "{}", "%00", "../..", "NIFTY", "nifty", "call", "PUT",
        "2026-12-08", "2026-02-30", "9999-12-31", "0001-01-01", "24300", "NIFTY20261208C24300", "\u202e", "😀", "𝟙𝟚𝟛",
    ];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Random_values_in_every_rest_parameter_never_cause_a_5xx_and_every_rejection_is_a_problem()
    {
        var random = new Random(20261201);
        using var http = factory.CreateSignedInClient();
        var failures = new List<string>();
        foreach (var route in Routes)
        {
            for (var round = 0; round < RoundsPerRoute; round++)
            {
                var values = Enumerable.Range(0, 7).Select(_ => Uri.EscapeDataString(Value(random))).ToArray<object>();
                var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, values);
                var response = route.StartsWith("/api/v1/auth/keys", StringComparison.Ordinal)
                    ? await http.DeleteAsync(path, Cancel)
                    : await http.GetAsync(path, Cancel);
                var status = (int)response.StatusCode;
                if (status >= 500 || (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
                {
                    failures.Add($"{status} {path[..Math.Min(path.Length, 200)]}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Random_hub_arguments_raise_hub_exceptions_and_the_connection_stays_open()
    {
        var random = new Random(20261202);
        await using var hub = await HubClient.ConnectAsync(factory);
        string[] methods = ["SubscribeChain", "UnsubscribeChain", "GetChainSnapshot", "SubscribeUnderlying", "UnsubscribeUnderlying"];
        var unexpected = new List<string>();
        for (var round = 0; round < 300; round++)
        {
            var method = methods[random.Next(methods.Length)];
            object?[] arguments = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => Argument(random))];
            try
            {
                await hub.Connection.InvokeCoreAsync(method, typeof(object), arguments, Cancel);
            }
            catch (HubException)
            {
                // The expected answer to a bad argument.
            }
            catch (Exception ex)
            {
                unexpected.Add($"{method}: {ex.GetType().Name} {ex.Message}");
            }

            if (hub.Connection.State != HubConnectionState.Connected)
            {
                unexpected.Add($"connection {hub.Connection.State} after {method}");
                break;
            }
        }

        Assert.Empty(unexpected);
        await hub.Connection.InvokeAsync("SubscribeUnderlying", "QQQ", Cancel);
        Assert.Equal("QQQ", (await HubClient.NextAsync(hub.Underlyings, u => u.Symbol == "QQQ")).Symbol);
    }

    private static string Value(Random random) => random.Next(4) switch
    {
        0 => Interesting[random.Next(Interesting.Length)],
        1 => RandomText(random, random.Next(0, 40)),
        2 => random.Next(3) == 0 ? new string('9', 5000) : RandomText(random, 2000),
        _ => (random.NextDouble() * Math.Pow(10, random.Next(-10, 310)) * (random.Next(2) == 0 ? -1 : 1)).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static object? Argument(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => random.NextDouble() * double.MaxValue,
        2 => new { nested = Value(random) },
        3 => RandomText(random, 10_000),
        _ => Value(random),
    };

    private static string RandomText(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            // Printable ASCII mostly, some of the rest of the BMP (surrogates excluded, so the text stays valid UTF-16).
            var c = random.Next(5) == 0 ? (char)random.Next(0xA0, 0xD7FF) : (char)random.Next(0x20, 0x7F);
            text.Append(c);
        }

        return text.ToString();
    }
}
