namespace DeltaStream.Gateway.Api;

/// <summary>A resolved value, or why it could not be resolved with a message fit for the client.</summary>
internal readonly record struct LookupResult<T>(T Value, LookupError Error, string? Detail)
{
    public bool IsOk => Error == LookupError.None;

    public static LookupResult<T> Ok(T value) => new(value, LookupError.None, null);

    public static LookupResult<T> Fail(LookupError error, string detail) => new(default!, error, detail);
}
