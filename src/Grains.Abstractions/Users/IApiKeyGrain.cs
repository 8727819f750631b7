namespace DeltaStream.Users;

/// <summary>One API key, keyed by the SHA-256 hash (lower-case hex) of the key, so a request finds its key without bcrypt.</summary>
public interface IApiKeyGrain : IGrainWithStringKey
{
    Task Issue(ApiKeyRecord record);

    /// <summary>The key's record when it is issued and not revoked (recording the use), otherwise null.</summary>
    Task<ApiKeyRecord?> Authenticate(DateTimeOffset now);

    Task<ApiKeyRecord?> GetRecord();

    Task Revoke();
}
