using Microsoft.Extensions.Configuration;

namespace DeltaStream.Hosting.Security;

/// <summary>Mutual TLS for an Orleans client (gateway, feed) when <see cref="ClusterTlsOptions"/> names a certificate.</summary>
public static class ClientTlsExtensions
{
    public static IClientBuilder UseDeltaStreamTls(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (ClusterCertificates.Load(configuration) is { } certificates)
        {
            client.UseTls(options => certificates.Apply(options, TimeProvider.System));
        }

        return client;
    }
}
