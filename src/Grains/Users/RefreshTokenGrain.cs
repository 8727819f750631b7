using DeltaStream.Users;

namespace DeltaStream.Grains.Users;

/// <summary>
/// One refresh token (key: SHA-256 of the token). A grain runs one call at a time, so a token is redeemed at most once;
/// once expired it is removed from storage the next time it is presented.
/// </summary>
internal sealed class RefreshTokenGrain(
    [PersistentState("refresh", GrainStorage.Users)] IPersistentState<RefreshTokenState> state,
    IGrainFactory grains) : Grain, IRefreshTokenGrain
{
    public async Task Issue(string email, Guid family, DateTimeOffset expiresAt)
    {
        (state.State.Email, state.State.Family, state.State.ExpiresAt, state.State.Used) = (email, family, expiresAt, false);
        await state.WriteStateAsync();
    }

    public async Task<RefreshRedemption> Redeem(DateTimeOffset now)
    {
        var s = state.State;
        if (s.Email is not { } email)
        {
            return new RefreshRedemption(RefreshStatus.Unknown, null, Guid.Empty);
        }

        var user = grains.GetGrain<IUserGrain>(email);
        if (s.Used)
        {
            await user.RevokeFamily(s.Family);
            await PruneIfExpiredAsync(now);
            return new RefreshRedemption(RefreshStatus.Reused, null, Guid.Empty);
        }

        if (now >= s.ExpiresAt)
        {
            await PruneIfExpiredAsync(now);
            return new RefreshRedemption(RefreshStatus.Expired, null, Guid.Empty);
        }

        s.Used = true;
        await state.WriteStateAsync();
        return await user.IsFamilyActive(s.Family)
            ? new RefreshRedemption(RefreshStatus.Redeemed, email, s.Family)
            : new RefreshRedemption(RefreshStatus.Revoked, null, Guid.Empty);
    }

    /// <summary>
    /// An expired token is removed from storage: it can never be redeemed, so it is no longer needed to recognise a reuse.
    /// A used one is kept until then for exactly that.
    /// </summary>
    private async Task PruneIfExpiredAsync(DateTimeOffset now)
    {
        if (now >= state.State.ExpiresAt)
        {
            await state.ClearStateAsync();
            DeactivateOnIdle();
        }
    }
}
