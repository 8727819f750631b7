using System.Net;
using DeltaStream.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// A quiet embedded gateway with tight limits, for the tests that exceed them on purpose. The test server has no
/// sockets, so a request names its client address in <see cref="ClientAddressHeader"/>, as a real socket would give it.
/// </summary>
public sealed class StrictGatewayFactory : TestGatewayFactory, IAsyncLifetime
{
    public const int SignInPermits = 5;
    public const int ApiPermits = 20;
    public const int HubPermits = 15;
    public const int MaxSubscriptions = 2;
    public const int MaxUserSubscriptions = 3;
    public const int MaxUserConnections = 2;
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>The one reverse proxy whose X-Forwarded-For this gateway believes.</summary>
    public const string Proxy = "10.0.0.1";

    /// <summary>Failed logins an account gets before it is locked (above <see cref="SignInPermits"/>, so one address meets its own limit first).</summary>
    public const int FreeAccountFailures = 8;

    /// <summary>This gateway serves /metrics on a port of its own (a real listener, not the test server).</summary>
    public int MetricsPort { get; } = LoopbackPorts.Next();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DeltaStream:Feed:Enabled", "false");
        builder.UseSetting("DeltaStream:RateLimits:SignIn:PermitLimit", $"{SignInPermits}");
        builder.UseSetting("DeltaStream:RateLimits:Api:PermitLimit", $"{ApiPermits}");
        builder.UseSetting("DeltaStream:RateLimits:Hub:PermitLimit", $"{HubPermits}");
        builder.UseSetting("DeltaStream:RateLimits:MaxSubscriptionsPerConnection", $"{MaxSubscriptions}");
        builder.UseSetting("DeltaStream:RateLimits:MaxSubscriptionsPerUser", $"{MaxUserSubscriptions}");
        builder.UseSetting("DeltaStream:RateLimits:MaxConnectionsPerUser", $"{MaxUserConnections}");
        builder.UseSetting("DeltaStream:RateLimits:SignIn:Window", "00:10:00");
        builder.UseSetting("DeltaStream:RateLimits:Account:FreeFailures", $"{FreeAccountFailures}");
        builder.UseSetting("DeltaStream:ForwardedHeaders:KnownProxies:0", Proxy);
        builder.UseSetting("DeltaStream:RateLimits:Api:Window", "00:10:00");
        builder.UseSetting("DeltaStream:RateLimits:Hub:Window", "00:10:00");
        builder.UseSetting("DeltaStream:Metrics:Port", MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    public ValueTask InitializeAsync()
    {
        _ = Server;
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await base.DisposeAsync();

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
