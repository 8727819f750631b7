using DeltaStream.Users;

namespace DeltaStream.Grains.Users;

/// <summary>
/// One API key (key: SHA-256 of the key). Its owner's state is the authority: before its first use in an activation
/// the key asks its user grain whether it is listed, and a key that is not (its user's write failed) clears itself.
/// After that, authentication is a memory read; the last-use time is written at most once per
/// <see cref="LastUseWriteInterval"/> so a busy key does not cost a storage write per request.
/// </summary>
internal sealed class ApiKeyGrain(
    [PersistentState("apikey", GrainStorage.Users)] IPersistentState<ApiKeyState> state,
    IGrainFactory grains) : Grain, IApiKeyGrain
{
    private static readonly TimeSpan LastUseWriteInterval = TimeSpan.FromMinutes(1);
    private DateTimeOffset? lastUse;
    private bool listed;

    public async Task Issue(ApiKeyRecord record)
    {
        state.State.Record = record;
        listed = false;
        await state.WriteStateAsync();
    }

    public async Task<ApiKeyRecord?> Authenticate(DateTimeOffset now)
    {
        if (state.State.Record is not { } record)
        {
            return null;
        }

        if (!listed)
        {
            if (!await grains.GetGrain<IUserGrain>(record.Email).ListsApiKey(record.KeyId))
            {
                await Revoke();
                return null;
            }

            listed = true;
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
        listed = false;
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }
}
