using DeltaStream.Hosting.Security;
using Microsoft.Extensions.Configuration;

namespace DeltaStream.Hosting;

/// <summary>Mutual TLS on a silo's silo and gateway connections when <see cref="ClusterTlsOptions"/> names a certificate.</summary>
public static class SiloTlsExtensions
{
    public static ISiloBuilder UseDeltaStreamTls(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (ClusterCertificates.Load(configuration) is { } certificates)
        {
            silo.UseTls(options => certificates.Apply(options, TimeProvider.System));
        }

        return silo;
    }
}
