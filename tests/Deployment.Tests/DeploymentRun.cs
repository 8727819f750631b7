using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.EndToEnd.Tests;
using DeltaStream.Providers.MongoDB.Tests;
using DeltaStream.Providers.Tests;
using DeltaStream.Testing;

namespace DeltaStream.Deployment.Tests;

/// <summary>
/// Two silos, a gateway and a feed started from their declared environments (placed on loopback by
/// <see cref="LoopbackPlacement"/>) beside a real redis-server, with the password the declared connection string
/// carries, and the MongoDB the tests use; then checked as an operator would: one cluster of both silos, a user who
/// registers and signs in over REST, a chain snapshot that advances, and /metrics where the deployment puts it.
/// Every process is stopped when the run ends, however it ends.
/// </summary>
internal static class DeploymentRun
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    public static async Task RunAsync(DeclaredProcess[] silos, DeclaredProcess gateway, DeclaredProcess feed)
    {
        Assert.Equal(2, silos.Length);
        var declaredRedis = gateway.Environment.GetValueOrDefault(LoopbackPlacement.RedisKey)
            ?? throw new InvalidOperationException($"The gateway declares no {LoopbackPlacement.RedisKey}: it would run embedded, outside the cluster.");
        await using var redis = new RedisServer(password: LoopbackPlacement.RedisPassword(declaredRedis));
        await redis.StartAsync();
        var mongo = new MongoServer();
        await mongo.InitializeAsync();
        try
        {
            await using var silo1 = await StartAsync(silos[0], redis, mongo);
            await using var silo2 = await StartAsync(silos[1], redis, mongo);
            await using var gatewayHost = await StartAsync(gateway, redis, mongo);
            await using var feedHost = await StartAsync(feed, redis, mongo);

            try
            {
                await AssertOneClusterOfTwoSilosAsync(redis, gateway.Environment.GetValueOrDefault("DeltaStream__Cluster__ClusterId", "deltastream"));
                await AssertSignedInClientSeesTheChainAdvanceAsync(gatewayHost.Host.BaseAddress);
                if (gatewayHost.MetricsPort is { } metricsPort)
                {
                    await AssertMetricsOnlyOnTheirPortAsync(gatewayHost.Host.BaseAddress, metricsPort);
                }
            }
            catch
            {
                // The hosts' logs say why a check failed; they go with the test's result.
                foreach (var (name, host) in new[] { ("silo 1", silo1), ("silo 2", silo2), ("gateway", gatewayHost), ("feed", feedHost) })
                {
                    TestContext.Current.TestOutputHelper?.WriteLine($"--- {name}\n{host.Host.Output}");
                }

                throw;
            }
        }
        finally
        {
            await mongo.DisposeAsync();
        }
    }

    private static async Task<PlacedHost> StartAsync(DeclaredProcess declared, RedisServer redis, MongoServer mongo)
    {
        var environment = LoopbackPlacement.Place(declared.Environment, redis.Port, mongo.Port);
        var address = new Uri($"http://127.0.0.1:{environment[LoopbackPlacement.HttpPortsKey]}/");
        var host = await HostProcess.StartDeclaredAsync(declared.Project, environment, address, declared.Arguments, "health/ready");
        int? metricsPort = environment.TryGetValue(LoopbackPlacement.MetricsPortKey, out var port) ? int.Parse(port, CultureInfo.InvariantCulture) : null;
        return new PlacedHost(host, metricsPort);
    }

    private static async Task AssertOneClusterOfTwoSilosAsync(RedisServer redis, string clusterId)
    {
        await using var cluster = await ClusterClient.ConnectAsync(redis.ConnectionString, clusterId);
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var hosts = await cluster.RetryAsync(c => management.GetHosts(onlyActive: true), TestContext.Current.CancellationToken);
        Assert.Equal(2, hosts.Count);
    }

    private static async Task AssertSignedInClientSeesTheChainAdvanceAsync(Uri gateway)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(Patience);
        using var http = new HttpClient { BaseAddress = gateway };
        var email = TestAccounts.NewEmail();
        await TestAccounts.RegisterAsync(http, email, cts.Token);
        var login = await http.PostAsJsonAsync("api/v1/auth/login", new { email, password = TestAccounts.Password }, cts.Token);
        login.EnsureSuccessStatusCode();
        TestAccounts.Authorize(http, (await login.Content.ReadFromJsonAsync<SignedInUser>(cts.Token))!);

        var expiry = (await http.GetFromJsonAsync<JsonElement>("api/v1/underlyings/NIFTY", cts.Token)).GetProperty("expiries")[0].GetString();
        var first = await QuotedChainAsync(http, $"api/v1/chains/NIFTY/{expiry}", after: null, cts.Token);
        var later = await QuotedChainAsync(http, $"api/v1/chains/NIFTY/{expiry}", after: first.GetProperty("updatedAt").GetDateTime(), cts.Token);
        Assert.Equal(JsonValueKind.Number, later.GetProperty("spot").ValueKind);
    }

    /// <summary>Polls: a snapshot has no push over REST. Returns the first chain with quoted strikes updated after <paramref name="after"/>.</summary>
    private static async Task<JsonElement> QuotedChainAsync(HttpClient http, string path, DateTime? after, CancellationToken cancellationToken)
    {
        while (true)
        {
            var chain = await http.GetFromJsonAsync<JsonElement>(path, cancellationToken);
            if (chain.GetProperty("strikes").GetArrayLength() > 0 && (after is null || chain.GetProperty("updatedAt").GetDateTime() > after))
            {
                return chain;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private static async Task AssertMetricsOnlyOnTheirPortAsync(Uri gateway, int metricsPort)
    {
        using var http = new HttpClient();
        var metrics = await http.GetAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("# TYPE", await metrics.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(gateway, "metrics"), TestContext.Current.CancellationToken)).StatusCode);
    }

    /// <summary>A started host and, for the gateway, the port its /metrics moved to.</summary>
    private sealed record PlacedHost(HostProcess Host, int? MetricsPort) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }
}
