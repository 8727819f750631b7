namespace DeltaStream.Gateway.Api.Limits;

/// <summary>
/// Endpoint metadata: the most bytes its request body may have. Endpoints without it get <see cref="Default"/>;
/// a larger body is refused with 413 before (Content-Length) or while (chunked) it is read.
/// </summary>
internal sealed record RequestBodyLimit(long Bytes)
{
    /// <summary>Small JSON bodies (an API key's name).</summary>
    public static readonly RequestBodyLimit Default = new(4 * 1024);

    /// <summary>Credentials and refresh tokens: an email of at most 254 and a password of at most 128 characters.</summary>
    public static readonly RequestBodyLimit Auth = new(4 * 1024);

    /// <summary>A question of at most a few hundred characters.</summary>
    public static readonly RequestBodyLimit Ask = new(8 * 1024);

    /// <summary>Hub messages sent by POST (long polling, server-sent events): SignalR's own 32 KB message bound.</summary>
    public static readonly RequestBodyLimit Hub = new(32 * 1024);

    /// <summary>A strategy of at most ten legs, with room for whitespace.</summary>
    public static readonly RequestBodyLimit StrategyPayoff = new(64 * 1024);

    /// <summary>A pricing batch of at most 10,000 options of eight fields each, with room for whitespace.</summary>
    public static readonly RequestBodyLimit PricingBatch = new(2 * 1024 * 1024);
}
