using StackExchange.Redis;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// One multiplexer per provider, connected on first use with <see cref="RedisConfiguration"/>.
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
                multiplexer = await ConnectionMultiplexer.ConnectAsync(RedisConfiguration.Parse(connectionString));
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
