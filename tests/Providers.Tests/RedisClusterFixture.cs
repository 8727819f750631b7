[assembly: AssemblyFixture(typeof(DeltaStream.Providers.Tests.RedisClusterFixture))]

namespace DeltaStream.Providers.Tests;

/// <summary>The shared cluster of the tests that do not stop silos or Redis.</summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    private RedisCluster? cluster;

    public RedisCluster Value => cluster ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => cluster = await RedisCluster.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
