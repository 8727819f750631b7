using System.ComponentModel.DataAnnotations;
using System.Net;

namespace DeltaStream.Gateway.RateLimiting;

/// <summary>
/// Configuration section "DeltaStream:ForwardedHeaders": the reverse proxies whose X-Forwarded-For and
/// X-Forwarded-Proto are believed. None by default: without a listed proxy the headers are ignored, since anyone
/// could send them to pick the address their sign-in and rate-limit budgets are counted under.
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string SectionName = "DeltaStream:ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. 10.0.0.5 or 2001:db8::5.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. 10.0.0.0/8.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies deep to read X-Forwarded-For (each must be a known one).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(KnownProxies)} holds '{proxy}', which is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(KnownNetworks)} holds '{network}', which is not a CIDR network such as 10.0.0.0/8.", [nameof(KnownNetworks)]);
        }
    }
}
