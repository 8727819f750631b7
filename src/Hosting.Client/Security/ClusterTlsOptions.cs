namespace DeltaStream.Hosting.Security;

/// <summary>
/// Configuration section "DeltaStream:Cluster:Tls": mutual TLS on every Orleans connection (silo to silo, gateway and
/// feed to silo) with a cluster certificate. Every process presents <see cref="CertificatePath"/> and accepts only a
/// peer presenting that very certificate or one of <see cref="AcceptedCertificatePaths"/>, within its validity
/// dates, so nothing without one of their private keys can join the cluster or call its grains. Off unless
/// <see cref="CertificatePath"/> is set.
/// </summary>
/// <remarks>
/// Rotation without a split cluster: first roll out the new certificate as accepted everywhere, then make it the
/// presented one (keeping the old one accepted), then drop the old one.
/// </remarks>
public sealed class ClusterTlsOptions
{
    public const string SectionName = "DeltaStream:Cluster:Tls";

    /// <summary>A PKCS#12 (.pfx) file holding this process's cluster certificate and its private key (in Kubernetes, a mounted secret).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The file's password, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Further certificates (DER or PEM files, or PKCS#12 without a password) a peer may present: the next or previous cluster certificate while rotating.</summary>
    public IList<string> AcceptedCertificatePaths { get; } = [];
}
