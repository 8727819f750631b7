using System.Globalization;
using System.Net.Http.Headers;
using DeltaStream.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// An embedded gateway on free ports with the test settings (<see cref="TestAccounts"/>), and a user registered
/// once per gateway whose token the signed-in clients and hub connections carry.
/// </summary>
public abstract class TestGatewayFactory : WebApplicationFactory<Program>
{
    private readonly Lazy<Task<SignedInUser>> user;

    protected TestGatewayFactory() => user = new(RegisterAsync);

    public Task<SignedInUser> UserAsync() => user.Value;

    /// <summary>A client whose every request carries the shared user's bearer token.</summary>
    public HttpClient CreateSignedInClient() => CreateDefaultClient(new BearerHandler(this));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("DeltaStream:Cluster:SiloPort", LoopbackPorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("DeltaStream:Cluster:GatewayPort", LoopbackPorts.Next().ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in TestAccounts.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(s => s.AddSingleton(SharedDocsIndex.Instance));
    }

    private async Task<SignedInUser> RegisterAsync()
    {
        using var anonymous = CreateClient();
        return await TestAccounts.RegisterAsync(anonymous);
    }

    private sealed class BearerHandler(TestGatewayFactory factory) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await factory.UserAsync()).Token);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
