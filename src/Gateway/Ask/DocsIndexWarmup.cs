using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Ask;

/// <summary>Starts the docs index build as the gateway starts (<see cref="IndexTiming.Startup"/>) without waiting for it.</summary>
internal sealed class DocsIndexWarmup(DocsIndex index, IOptions<AskOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Index == IndexTiming.Startup)
        {
            _ = index.ReadyAsync();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
