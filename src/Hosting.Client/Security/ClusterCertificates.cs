using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;

namespace DeltaStream.Hosting.Security;

/// <summary>The certificate this process presents and the ones it accepts from a peer (<see cref="ClusterTlsOptions"/>).</summary>
internal sealed class ClusterCertificates
{
    private readonly X509Certificate2[] accepted;

    private ClusterCertificates(X509Certificate2 local, X509Certificate2[] accepted)
    {
        Local = local;
        this.accepted = [local, .. accepted];
    }

    public X509Certificate2 Local { get; }

    /// <summary>The configured certificates, or null when TLS is off; a file that cannot be loaded stops start-up naming the setting.</summary>
    public static ClusterCertificates? Load(IConfiguration configuration)
    {
        var options = configuration.GetSection(ClusterTlsOptions.SectionName).Get<ClusterTlsOptions>();
        if (string.IsNullOrWhiteSpace(options?.CertificatePath))
        {
            return null;
        }

        var local = Read(nameof(ClusterTlsOptions.CertificatePath), options.CertificatePath, () => X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword));
        if (!local.HasPrivateKey)
        {
            throw new ValidationException($"{ClusterTlsOptions.SectionName}:{nameof(ClusterTlsOptions.CertificatePath)}: '{options.CertificatePath}' holds no private key.");
        }

        var accepted = options.AcceptedCertificatePaths
            .Select((path, i) => Read($"{nameof(ClusterTlsOptions.AcceptedCertificatePaths)}:{i}", path, () => X509CertificateLoader.LoadCertificateFromFile(path)))
            .ToArray();
        return new ClusterCertificates(local, accepted);
    }

    /// <summary>Presents <see cref="Local"/> and requires the peer to present one of the accepted certificates, within its validity dates.</summary>
    public void Apply(TlsOptions options, TimeProvider clock)
    {
        options.LocalCertificate = Local;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        // The chain is not consulted (the cluster certificate is usually self-signed): the exact bytes are the trust.
        options.RemoteCertificateValidation = (remote, _, _) => remote is not null && IsAccepted(remote, clock.GetUtcNow().UtcDateTime);
    }

    private bool IsAccepted(X509Certificate2 remote, DateTime now) =>
        now >= remote.NotBefore.ToUniversalTime() && now <= remote.NotAfter.ToUniversalTime()
        && Array.Exists(accepted, a => a.RawDataMemory.Span.SequenceEqual(remote.RawDataMemory.Span));

    private static X509Certificate2 Read(string setting, string path, Func<X509Certificate2> load)
    {
        try
        {
            return load();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ValidationException($"{ClusterTlsOptions.SectionName}:{setting}: '{path}' could not be loaded as a certificate: {ex.Message}", ex);
        }
    }
}
