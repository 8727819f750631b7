using DeltaStream.Gateway.Auth;
using DeltaStream.Gateway.RateLimiting;
using DeltaStream.Users;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Realtime.Sessions;

/// <summary>
/// This gateway's hub connections by user and credentials. It listens for revocations announced by
/// <see cref="IRevocationGrain"/> (every gateway does) and aborts the connections that authenticated with the
/// revoked refresh family or API key; it refuses a user's connection beyond
/// <see cref="RateLimitOptions.MaxConnectionsPerUser"/>. Token expiry itself is SignalR's to enforce
/// (CloseOnAuthenticationExpiration).
/// </summary>
internal sealed partial class HubSessions(
    IGrainFactory grains,
    IOptions<RateLimitOptions> limits,
    TimeProvider clock,
    ILogger<HubSessions> logger) : BackgroundService, IRevocationObserver
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, HubSession> sessions = [];
    private IRevocationObserver? reference;

    /// <summary>Registers the connection, or throws a <see cref="HubException"/> (which closes it) when its user holds too many or its sign-in was revoked.</summary>
    public async Task OpenAsync(HubCallerContext context)
    {
        var user = context.User ?? throw new HubException("The connection carries no credentials.");
        var session = new HubSession(context, user.UserId() ?? "", user.EmailOf() ?? "", user.FamilyOf(), user.ApiKeyOf());
        var max = limits.Value.MaxConnectionsPerUser;
        lock (sessions)
        {
            if (sessions.Values.Count(s => s.UserId == session.UserId) >= max)
            {
                throw new HubException($"Too many connections: a user may hold at most {max} hub connections at once; close one first.");
            }

            sessions[context.ConnectionId] = session;
        }

        // Checked after registering, so a revocation announced meanwhile finds the connection; one announced before
        // this gateway subscribed (or while its lease lapsed) is caught here.
        if (session.Family is { } family && !await grains.GetGrain<IUserGrain>(session.Email).IsFamilyActive(family))
        {
            Close(context.ConnectionId);
            throw new HubException("This sign-in has ended (signed out or revoked); sign in again.");
        }
    }

    public void Close(string connectionId)
    {
        lock (sessions)
        {
            sessions.Remove(connectionId);
        }
    }

    /// <summary>The ids of the connections the user of <paramref name="connectionId"/> holds here, that one included.</summary>
    public IReadOnlyCollection<string> ConnectionsOfUser(string connectionId)
    {
        lock (sessions)
        {
            return sessions.TryGetValue(connectionId, out var session)
                ? [.. sessions.Values.Where(s => s.UserId == session.UserId).Select(s => s.Context.ConnectionId)]
                : [connectionId];
        }
    }

    public Task OnRevoked(Revocation revocation)
    {
        ArgumentNullException.ThrowIfNull(revocation);
        HubSession[] revoked;
        lock (sessions)
        {
            revoked = [.. sessions.Values.Where(s => s.Email == revocation.Email &&
                ((revocation.Family is { } family && s.Family == family) || (revocation.ApiKeyId is { } key && s.ApiKeyId == key)))];
        }

        foreach (var session in revoked)
        {
            LogClosing(logger, session.Context.ConnectionId);
            session.Context.Abort();
        }

        return Task.CompletedTask;
    }

    /// <summary>Subscribes to the announcements and renews inside the lease; a failed call is logged and retried shortly.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var announcer = grains.GetGrain<IRevocationGrain>(0);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await announcer.Subscribe(Reference()) / 3;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSubscribeFailed(logger, ex);
                wait = RetryDelay;
            }

            await Task.Delay(wait, clock, stoppingToken);
        }
    }

    // Created on first use: the reference needs the running silo or client. This singleton keeps the observer alive.
    private IRevocationObserver Reference() => reference ??= grains.CreateObjectReference<IRevocationObserver>(this);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Closing hub connection {ConnectionId}: its credentials were revoked")]
    private static partial void LogClosing(ILogger logger, string connectionId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Subscribing to revocations failed; retrying shortly (connections of revoked credentials stay open until then)")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
