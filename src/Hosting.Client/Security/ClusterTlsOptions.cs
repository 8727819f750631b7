using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;

namespace DeltaStream.Hosting.Security;

/// <summary>
/// Configuration section "DeltaStream:Cluster:Tls": mutual TLS on every Orleans connection (silo to silo, gateway and
/// feed to silo) with one cluster certificate. Every process presents it and accepts only a peer presenting the same
/// one, so nothing without the certificate's private key can join the cluster or call its grains. Off unless
/// <see cref="CertificatePath"/> is set.
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string SectionName = "DeltaStream:Cluster:Tls";

    /// <summary>A PKCS#12 (.pfx) file holding the cluster certificate and its private key (in Kubernetes, a mounted secret).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The file's password, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The cluster certificate, or null when TLS is off; a path that cannot be loaded stops start-up naming the setting.</summary>
    internal static X509Certificate2? LoadCertificate(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<ClusterTlsOptions>();
        if (string.IsNullOrWhiteSpace(options?.CertificatePath))
        {
            return null;
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            return certificate.HasPrivateKey
                ? certificate
                : throw new ValidationException($"{SectionName}:CertificatePath: '{options.CertificatePath}' holds no private key.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ValidationException($"{SectionName}:CertificatePath: '{options.CertificatePath}' could not be loaded as a PKCS#12 certificate: {ex.Message}", ex);
        }
    }

    /// <summary>Presents <paramref name="certificate"/> and requires the peer to present the very same one.</summary>
    internal static void Pin(TlsOptions options, X509Certificate2 certificate)
    {
        options.LocalCertificate = certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (remote, _, _) => remote is not null && remote.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span);
    }
}
