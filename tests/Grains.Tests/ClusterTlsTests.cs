using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DeltaStream.Hosting;
using DeltaStream.Hosting.Security;
using DeltaStream.Ticks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;

namespace DeltaStream.Grains.Tests;

/// <summary>
/// DeltaStream:Cluster:Tls on real loopback sockets: two silos and a client holding the cluster certificate form one
/// cluster over mutual TLS; a peer with another certificate, or none, is refused at the handshake.
/// </summary>
public sealed class ClusterTlsTests
{
    [Fact]
    public async Task Silos_and_a_client_with_the_cluster_certificate_form_one_cluster_and_a_peer_without_it_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var directory = new TemporaryDirectory();
        using var clusterCertificate = SelfSigned();
        using var otherCertificate = SelfSigned();
        var settings = new Dictionary<string, string?>
        {
            [$"{ClusterTlsOptions.SectionName}:CertificatePath"] = await directory.WritePfxAsync("cluster.pfx", clusterCertificate, "test-password", ct),
            [$"{ClusterTlsOptions.SectionName}:CertificatePassword"] = "test-password",
        };

        await using var cluster = await TlsCluster.DeployAsync(settings, ct);

        Assert.Equal(2, (await cluster.Value.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, ct)).Count);
        Assert.Equal("NIFTY", (await cluster.Value.Client.GetGrain<IUnderlyingGrain>("NIFTY").GetSnapshot()).Symbol);
        // The same subject is not enough: the peer must hold the very certificate.
        Assert.True(await RefusedAsync(cluster.GatewayPort, otherCertificate, clusterCertificate, ct));
        Assert.True(await RefusedAsync(cluster.GatewayPort, null, clusterCertificate, ct));
        Assert.False(await RefusedAsync(cluster.GatewayPort, clusterCertificate, clusterCertificate, ct));
    }

    [Fact]
    public async Task While_rotating_a_client_presenting_the_next_accepted_certificate_joins_and_an_expired_accepted_one_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var directory = new TemporaryDirectory();
        using var current = SelfSigned();
        using var next = SelfSigned();
        using var expired = SelfSigned(DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(-1));
        using var stranger = SelfSigned();
        var settings = new Dictionary<string, string?>
        {
            // Silos present the current certificate and already accept the next one (and an expired one, to show dates count).
            [$"{ClusterTlsOptions.SectionName}:CertificatePath"] = await directory.WritePfxAsync("current.pfx", current, null, ct),
            [$"{ClusterTlsOptions.SectionName}:AcceptedCertificatePaths:0"] = await directory.WriteCerAsync("next.cer", next, ct),
            [$"{ClusterTlsOptions.SectionName}:AcceptedCertificatePaths:1"] = await directory.WriteCerAsync("expired.cer", expired, ct),
            // The client has moved on: it presents the next certificate and accepts the current one.
            [$"{TlsCluster.ClientSection}:CertificatePath"] = await directory.WritePfxAsync("next.pfx", next, null, ct),
            [$"{TlsCluster.ClientSection}:AcceptedCertificatePaths:0"] = await directory.WriteCerAsync("current.cer", current, ct),
        };

        await using var cluster = await TlsCluster.DeployAsync(settings, ct);

        Assert.Equal("NIFTY", (await cluster.Value.Client.GetGrain<IUnderlyingGrain>("NIFTY").GetSnapshot()).Symbol);
        Assert.False(await RefusedAsync(cluster.GatewayPort, next, current, ct));
        Assert.True(await RefusedAsync(cluster.GatewayPort, expired, current, ct));
        Assert.True(await RefusedAsync(cluster.GatewayPort, stranger, current, ct));
    }

    [Fact]
    public void A_certificate_path_that_cannot_be_loaded_stops_the_silo_at_composition_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{ClusterTlsOptions.SectionName}:CertificatePath"] = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.pfx"),
        }).Build();
        var builder = Host.CreateApplicationBuilder();

        var failure = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => builder.UseOrleans(silo => silo.AddDeltaStreamSilo(configuration)));

        Assert.Contains($"{ClusterTlsOptions.SectionName}:CertificatePath", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the silo's gateway port, which must present the cluster certificate, refuses a peer presenting
    /// <paramref name="certificate"/>: the TLS 1.2 handshake fails, or the server closes the connection as soon as it
    /// has checked the certificate. An accepted peer's connection stays open, waiting for the Orleans preamble this
    /// client never sends; two seconds without a close counts as accepted (a refusal comes within milliseconds).
    /// </summary>
    private static async Task<bool> RefusedAsync(int port, X509Certificate2? certificate, X509Certificate2 expectedServer, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(System.Net.IPAddress.Loopback, port, cancellationToken);
        await using var tls = new SslStream(tcp.GetStream());
        try
        {
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    // A host name of its own per handshake: the client would otherwise resume the previous TLS session
                    // and skip the certificate exchange under test.
                    TargetHost = $"peer-{Guid.NewGuid():N}",
                    EnabledSslProtocols = SslProtocols.Tls12,
                    ClientCertificates = certificate is null ? null : [certificate],
                    RemoteCertificateValidationCallback = (_, server, _, _) => server is not null && server.GetRawCertData().AsSpan().SequenceEqual(expectedServer.RawData),
                },
                cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(2));
            return await tls.ReadAsync(new byte[1], wait.Token) == 0;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            return true;
        }
    }

    /// <summary>A cluster certificate: every one has the same subject, so only its bytes tell them apart.</summary>
    private static X509Certificate2 SelfSigned(DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=deltastream-cluster", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var created = request.CreateSelfSigned(notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(30));
        // Round-trip through PKCS#12 so the private key is usable by SslStream on Linux.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Two silos and a client on real loopback sockets, composed with the given settings.</summary>
    private sealed class TlsCluster : IAsyncDisposable
    {
        /// <summary>Where a test gives the client TLS settings of its own (otherwise it uses the silos').</summary>
        public const string ClientSection = "TestClient:Tls";

        private TlsCluster(TestCluster value) => Value = value;

        public TestCluster Value { get; }

        public int GatewayPort => Value.Primary!.GatewayAddress!.Endpoint.Port;

        public static async Task<TlsCluster> DeployAsync(Dictionary<string, string?> settings, CancellationToken cancellationToken)
        {
            var builder = new TestClusterBuilder(initialSilosCount: 2);
            builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
            builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(settings));
            builder.AddSiloBuilderConfigurator<SiloConfigurator>();
            builder.AddClientBuilderConfigurator<ClientConfigurator>();
            var cluster = builder.Build();
            await cluster.DeployAsync(cancellationToken);
            return new TlsCluster(cluster);
        }

        public async ValueTask DisposeAsync()
        {
            await Value.StopAllSilosAsync();
            await Value.DisposeAsync();
        }
    }

    private sealed class TemporaryDirectory : IDisposable
    {
        private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("deltastream-tls-");

        public async Task<string> WritePfxAsync(string name, X509Certificate2 certificate, string? password, CancellationToken cancellationToken)
        {
            var path = Path.Combine(directory.FullName, name);
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, password), cancellationToken);
            return path;
        }

        public async Task<string> WriteCerAsync(string name, X509Certificate2 certificate, CancellationToken cancellationToken)
        {
            var path = Path.Combine(directory.FullName, name);
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Cert), cancellationToken);
            return path;
        }

        public void Dispose() => directory.Delete(recursive: true);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddDeltaStreamSilo(siloBuilder.Configuration);
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
        {
            var own = configuration.GetSection(TlsCluster.ClientSection);
            var tls = own.Exists()
                ? new ConfigurationBuilder().AddInMemoryCollection(own.AsEnumerable(makePathsRelative: true)
                    .Where(kv => kv.Key.Length > 0)
                    .Select(kv => KeyValuePair.Create($"{ClusterTlsOptions.SectionName}:{kv.Key}", kv.Value))).Build()
                : configuration;
            clientBuilder.UseDeltaStreamTls(tls).AddMemoryStreams(MarketStreams.ProviderName);
        }
    }
}
