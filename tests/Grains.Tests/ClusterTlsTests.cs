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
        var directory = Directory.CreateTempSubdirectory("deltastream-tls-");
        try
        {
            using var clusterCertificate = SelfSigned("CN=deltastream-cluster");
            using var otherCertificate = SelfSigned("CN=deltastream-cluster");
            var path = Path.Combine(directory.FullName, "cluster.pfx");
            await File.WriteAllBytesAsync(path, clusterCertificate.Export(X509ContentType.Pfx, "test-password"), ct);
            var builder = new TestClusterBuilder(initialSilosCount: 2);
            builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
            builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{ClusterTlsOptions.SectionName}:CertificatePath"] = path,
                [$"{ClusterTlsOptions.SectionName}:CertificatePassword"] = "test-password",
            }));
            builder.AddSiloBuilderConfigurator<SiloConfigurator>();
            builder.AddClientBuilderConfigurator<ClientConfigurator>();
            var cluster = builder.Build();
            await cluster.DeployAsync(ct);
            try
            {
                var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, ct);
                Assert.Equal(2, hosts.Count);
                var snapshot = await cluster.Client.GetGrain<IUnderlyingGrain>("NIFTY").GetSnapshot();
                Assert.Equal("NIFTY", snapshot.Symbol);

                var gateway = cluster.Primary!.GatewayAddress!.Endpoint.Port;
                // The same subject is not enough: the peer must hold the very certificate.
                Assert.True(await RefusedAsync(gateway, otherCertificate, clusterCertificate, ct));
                Assert.True(await RefusedAsync(gateway, null, clusterCertificate, ct));
                Assert.False(await RefusedAsync(gateway, clusterCertificate, clusterCertificate, ct));
            }
            finally
            {
                await cluster.StopAllSilosAsync(ct);
                await cluster.DisposeAsync();
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
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

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // Round-trip through PKCS#12 so the private key is usable by SslStream on Linux.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddDeltaStreamSilo(siloBuilder.Configuration);
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseDeltaStreamTls(configuration).AddMemoryStreams(MarketStreams.ProviderName);
    }
}
