using Microsoft.AspNetCore.SignalR.Client;

namespace DeltaStream.Testing;

/// <summary>Starting a test's hub connection. Compiled into each test project that needs it.</summary>
public static class HubConnections
{
    /// <summary>Starts <paramref name="connection"/>; one that fails to start is disposed before the error goes on.</summary>
    public static async Task StartOrDisposeAsync(HubConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.StartAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
