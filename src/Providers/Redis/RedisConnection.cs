using StackExchange.Redis;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// One multiplexer per provider, connected on first use. AbortOnConnectFail is off, so a Redis restart is ridden
/// out by reconnecting rather than by failing the provider.
/// </summary>
internal sealed class RedisConnection(string connectionString) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private ConnectionMultiplexer? multiplexer;

    public async Task<IDatabase> DatabaseAsync()
    {
        if (multiplexer is { } ready)
        {
            return ready.GetDatabase();
        }

        await gate.WaitAsync();
        try
        {
            if (multiplexer is null)
            {
                var options = ConfigurationOptions.Parse(connectionString);
                options.AbortOnConnectFail = false;
                multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
            }

            return multiplexer.GetDatabase();
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (multiplexer is not null)
        {
            await multiplexer.DisposeAsync();
        }

        gate.Dispose();
    }
}
