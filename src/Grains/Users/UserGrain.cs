using DeltaStream.Grains.Diagnostics;
using DeltaStream.Users;
using Microsoft.Extensions.Logging;

namespace DeltaStream.Grains.Users;

/// <summary>One user (key: normalised email). Every change is written before it is acknowledged.</summary>
internal sealed partial class UserGrain(
    [PersistentState("user", GrainStorage.Users)] IPersistentState<UserState> state,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<UserGrain> logger) : Grain, IUserGrain, IRemindable
{
    private const string PruneReminder = "prune-refresh-state";
    private static readonly TimeSpan PruneScheduleRetry = TimeSpan.FromSeconds(30);

    // A one-shot timer that tries again to set the pruning reminder after the reminder table failed.
    private IGrainTimer? pruneScheduleRetry;

    // When the pruning reminder is set to fire next, as far as this activation knows: a new token expiring later
    // (the usual case) leaves it as it is, so a refresh costs no reminder write.
    private DateTimeOffset? pruneScheduledFor;

    // The keys of the state as last written or read, not as being changed: ListsApiKey interleaves with a write.
    private readonly HashSet<Guid> listedKeys = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        listedKeys.UnionWith(state.State.ApiKeys.Select(k => k.Id));
        return Task.CompletedTask;
    }

    public async Task<UserAccount?> Register(string email, string passwordHash)
    {
        if (state.State.Account is not null)
        {
            return null;
        }

        state.State.Account = new UserAccount(Guid.NewGuid(), email, passwordHash, clock.GetUtcNow());
        await state.WriteStateAsync();
        return state.State.Account;
    }

    public Task<UserAccount?> GetAccount() => Task.FromResult(state.State.Account);

    public Task<bool> IsFamilyActive(Guid family) =>
        Task.FromResult(state.State.Account is not null && !state.State.RevokedFamilies.Contains(family));

    public async Task TrackRefreshToken(string tokenHash, DateTimeOffset expiresAt)
    {
        var now = clock.GetUtcNow();
        state.State.RefreshTokens[tokenHash] = expiresAt;
        PruneExpiredTokens(now);
        await state.WriteStateAsync();
        await SchedulePruningAsync(now);
    }

    public async Task RevokeFamily(Guid family, TimeSpan tokensLiveFor)
    {
        if (state.State.RevokedFamilies.Add(family))
        {
            var now = clock.GetUtcNow();
            state.State.RevokedAt[family] = now;
            state.State.LiveFor[family] = tokensLiveFor;
            ForgetOldRevocations(now);
            await state.WriteStateAsync();
            await SchedulePruningAsync(now);
            await Announce(new Revocation(this.GetPrimaryKeyString(), family, null));
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var now = clock.GetUtcNow();
        if (PruneExpiredTokens(now) | ForgetOldRevocations(now))
        {
            await state.WriteStateAsync();
        }

        pruneScheduledFor = null;
        await SchedulePruningAsync(now);
    }

    public async Task<ApiKeyInfo?> AddApiKey(string name, string keyHash, DateTimeOffset createdAt)
    {
        var account = state.State.Account ?? throw new InvalidOperationException("No user is registered under this email.");
        if (state.State.ApiKeys.Count >= ApiKeyLimits.MaxKeysPerUser)
        {
            return null;
        }

        // The key's grain is written first but authenticates only once it finds itself in this user's written state,
        // so the write below is the one step that makes the key: if it fails, the key's grain is cleared (or, should
        // that fail too, refuses itself at its first use) and the failure answered.
        var key = new StoredApiKey(Guid.NewGuid(), name, keyHash, createdAt);
        var keyGrain = grains.GetGrain<IApiKeyGrain>(keyHash);
        await keyGrain.Issue(new ApiKeyRecord(key.Id, name, account.Id, account.Email, createdAt, null));
        state.State.ApiKeys.Add(key);
        try
        {
            await state.WriteStateAsync();
            listedKeys.Add(key.Id);
        }
        catch
        {
            state.State.ApiKeys.Remove(key);
            await keyGrain.Revoke();
            throw;
        }

        return new ApiKeyInfo(key.Id, name, createdAt, null);
    }

    public Task<bool> ListsApiKey(Guid keyId) => Task.FromResult(listedKeys.Contains(keyId));

    public async Task<IReadOnlyList<ApiKeyInfo>> ListApiKeys()
    {
        // Last use is recorded by the key's own grain, on the request path, so it is read from there.
        var records = await Task.WhenAll(state.State.ApiKeys.Select(k => grains.GetGrain<IApiKeyGrain>(k.Hash).GetRecord()));
        return [.. state.State.ApiKeys.Select((k, i) => new ApiKeyInfo(k.Id, k.Name, k.CreatedAt, records[i]?.LastUsedAt))];
    }

    public async Task<bool> RevokeApiKey(Guid keyId)
    {
        var key = state.State.ApiKeys.Find(k => k.Id == keyId);
        if (key is null)
        {
            return false;
        }

        await grains.GetGrain<IApiKeyGrain>(key.Hash).Revoke();
        state.State.ApiKeys.Remove(key);
        listedKeys.Remove(key.Id);
        await state.WriteStateAsync();
        await Announce(new Revocation(this.GetPrimaryKeyString(), null, key.Id));
        return true;
    }

    /// <summary>
    /// Forgets each revoked family once none of its tokens can be live: its refresh lifetime after its revocation
    /// (the longest lifetime for families revoked before lifetimes were kept; from now for those revoked before
    /// revocation times were). True when any was forgotten.
    /// </summary>
    private bool ForgetOldRevocations(DateTimeOffset now)
    {
        var forgotten = false;
        foreach (var family in state.State.RevokedFamilies.ToList())
        {
            if (!state.State.RevokedAt.TryGetValue(family, out var at))
            {
                state.State.RevokedAt[family] = now;
            }
            else if (now - at >= state.State.LiveFor.GetValueOrDefault(family, RefreshTokenLimits.MaxLifetime))
            {
                state.State.RevokedFamilies.Remove(family);
                state.State.RevokedAt.Remove(family);
                state.State.LiveFor.Remove(family);
                forgotten = true;
            }
        }

        return forgotten;
    }

    /// <summary>
    /// Asks each expired refresh token's grain to remove itself (one-way: a token being redeemed may be waiting on
    /// this grain) and stops tracking it. True when any was.
    /// </summary>
    private bool PruneExpiredTokens(DateTimeOffset now)
    {
        var expired = state.State.RefreshTokens.Where(t => t.Value <= now).Select(t => t.Key).ToList();
        foreach (var hash in expired)
        {
            _ = grains.GetGrain<IRefreshTokenGrain>(hash).Prune(now);
            state.State.RefreshTokens.Remove(hash);
        }

        return expired.Count > 0;
    }

    /// <summary>
    /// Sets the pruning reminder after a change that is already written. Pruning is housekeeping: a reminder table
    /// that fails (Redis slow or away) must not fail the sign-in or revocation that needed it, so the failure is
    /// logged, counted and tried again by a timer until it succeeds.
    /// </summary>
    private async Task SchedulePruningAsync(DateTimeOffset now)
    {
        try
        {
            await SchedulePruningCoreAsync(now);
            pruneScheduleRetry?.Dispose();
            pruneScheduleRetry = null;
        }
        catch (Exception ex)
        {
            pruneScheduledFor = null;
            GrainMetrics.PruneScheduleFailures.Add(1);
            LogPruneScheduleFailed(logger, this.GetPrimaryKeyString(), PruneScheduleRetry, ex);
            pruneScheduleRetry ??= this.RegisterGrainTimer(
                _ => SchedulePruningAsync(clock.GetUtcNow()),
                new GrainTimerCreationOptions(PruneScheduleRetry, PruneScheduleRetry) { Interleave = false });
        }
    }

    /// <summary>One reminder for the next token to remove or family to forget, or none while there is neither.</summary>
    private async Task SchedulePruningCoreAsync(DateTimeOffset now)
    {
        var s = state.State;
        var next = s.RefreshTokens.Values
            .Concat(s.RevokedFamilies.Select(f => s.RevokedAt.GetValueOrDefault(f, now) + s.LiveFor.GetValueOrDefault(f, RefreshTokenLimits.MaxLifetime)))
            .DefaultIfEmpty(DateTimeOffset.MaxValue)
            .Min();
        if (next == DateTimeOffset.MaxValue)
        {
            if (await this.GetReminder(PruneReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            pruneScheduledFor = null;
            return;
        }

        if (pruneScheduledFor is { } scheduled && scheduled <= next)
        {
            return;
        }

        var due = PruneSchedule.Until(next, now);
        await this.RegisterOrUpdateReminder(PruneReminder, due, PruneSchedule.Period);
        pruneScheduledFor = now + due;
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Could not set the refresh-state pruning reminder of user {User}; trying again every {Retry}")]
    private static partial void LogPruneScheduleFailed(ILogger logger, string user, TimeSpan retry, Exception exception);

    /// <summary>Tells the gateways, after the revocation is written, so they close the connections that used it.</summary>
    private Task Announce(Revocation revocation) => grains.GetGrain<IRevocationGrain>(0).Announce(revocation);
}
