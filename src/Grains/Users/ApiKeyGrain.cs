using DeltaStream.Users;

namespace DeltaStream.Grains.Users;

/// <summary>
/// One API key (key: SHA-256 of the key). Authentication is a memory read; the last-use time is written at most
/// once per <see cref="LastUseWriteInterval"/> so a busy key does not cost a storage write per request.
/// </summary>
internal sealed class ApiKeyGrain([PersistentState("apikey", GrainStorage.Users)] IPersistentState<ApiKeyState> state) : Grain, IApiKeyGrain
{
    private static readonly TimeSpan LastUseWriteInterval = TimeSpan.FromMinutes(1);
    private DateTimeOffset? lastUse;

    public async Task Issue(ApiKeyRecord record)
    {
        state.State.Record = record;
        await state.WriteStateAsync();
    }

    public async Task<ApiKeyRecord?> Authenticate(DateTimeOffset now)
    {
        if (state.State.Record is not { } record)
        {
            return null;
        }

        lastUse = now;
        if (record.LastUsedAt is not { } written || now - written >= LastUseWriteInterval)
        {
            state.State.Record = record with { LastUsedAt = now };
            await state.WriteStateAsync();
        }

        return state.State.Record;
    }

    public Task<ApiKeyRecord?> GetRecord() => Task.FromResult(state.State.Record is { } r ? r with { LastUsedAt = lastUse ?? r.LastUsedAt } : null);

    public async Task Revoke()
    {
        state.State.Record = null;
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }
}
