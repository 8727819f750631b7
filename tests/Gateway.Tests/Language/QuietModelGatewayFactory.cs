using DeltaStream.Instruments;
using DeltaStream.Ticks;
using DeltaStream.Time;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests.Language;

/// <summary>
/// An embedded gateway without the synthetic feed whose model is a <see cref="ChatCompletionsStub"/>, with a small
/// per-user model budget: a chain changes only when a test publishes a round of quotes.
/// </summary>
public sealed class QuietModelGatewayFactory : StubModelGatewayFactory
{
    public const int ModelCallsPerUser = 5;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DeltaStream:Feed:Enabled", "false");
        builder.UseSetting("DeltaStream:LanguageModel:PerUser:PermitLimit", $"{ModelCallsPerUser}");
        builder.UseSetting("DeltaStream:LanguageModel:PerUser:Window", "00:10:00");
    }

    /// <summary>Publishes <see cref="QuietGatewayFactory"/>'s quotes of <paramref name="round"/> for every listed chain of <paramref name="symbol"/>.</summary>
    public async Task PublishRoundAsync(string symbol, int round)
    {
        var catalog = Services.GetRequiredService<InstrumentCatalog>();
        var instrument = catalog.All.Single(i => i.Symbol == symbol);
        var expiries = catalog.Expiries(instrument);
        var provider = Services.GetRequiredService<IClusterClient>().GetStreamProvider(MarketStreams.ProviderName);
        var at = Services.GetRequiredService<MarketClock>().GetUtcNow().UtcDateTime;
        foreach (var (id, routed) in MarketStreamRouter.Route(QuietGatewayFactory.Quotes(instrument, expiries, at, round), expiries))
        {
            await provider.GetStream<TickBatch>(id).OnNextAsync(routed);
        }
    }
}
