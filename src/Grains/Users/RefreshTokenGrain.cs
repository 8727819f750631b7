using DeltaStream.Users;

namespace DeltaStream.Grains.Users;

/// <summary>
/// One refresh token (key: SHA-256 of the token). A grain runs one call at a time, so a token is redeemed at most once.
/// It is kept until it expires (a used one, to recognise its reuse) and then removed from storage: when its user grain's
/// pruning reminder reaches it (<see cref="Prune"/>), or when it is presented after expiry, whichever comes first.
/// </summary>
internal sealed class RefreshTokenGrain(
    [PersistentState("refresh", GrainStorage.Users)] IPersistentState<RefreshTokenState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IRefreshTokenGrain
{
    public async Task Issue(string email, Guid family, DateTimeOffset expiresAt)
    {
        (state.State.Email, state.State.Family, state.State.ExpiresAt, state.State.Used, state.State.Lifetime) = (email, family, expiresAt, false, expiresAt - clock.GetUtcNow());
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
            // The family's newest token was issued at the first use, so it lives at most one lifetime from now.
            await user.RevokeFamily(s.Family, s.Lifetime > TimeSpan.Zero ? s.Lifetime : RefreshTokenLimits.MaxLifetime);
            await Prune(now);
            return new RefreshRedemption(RefreshStatus.Reused, null, Guid.Empty);
        }

        if (now >= s.ExpiresAt)
        {
            await Prune(now);
            return new RefreshRedemption(RefreshStatus.Expired, null, Guid.Empty);
        }

        s.Used = true;
        await state.WriteStateAsync();
        return await user.IsFamilyActive(s.Family)
            ? new RefreshRedemption(RefreshStatus.Redeemed, email, s.Family)
            : new RefreshRedemption(RefreshStatus.Revoked, null, Guid.Empty);
    }

    /// <summary>An expired token can never be redeemed, so it is no longer needed to recognise a reuse.</summary>
    public async Task Prune(DateTimeOffset now)
    {
        if (now >= state.State.ExpiresAt)
        {
            await state.ClearStateAsync();
            DeactivateOnIdle();
        }
    }
}
