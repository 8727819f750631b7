using DeltaStream.Gateway.Realtime.Feeds;

namespace DeltaStream.Gateway.Insights;

internal static class InsightExtensions
{
    public static IServiceCollection AddDeltaStreamInsights(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InsightOptions>().Bind(configuration.GetSection(InsightOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PulseSource>();
        services.AddSingleton<InsightNarrator>();
        services.AddSingleton<IChainFeedListeners, ChainInsightWatches>();
        return services;
    }
}
