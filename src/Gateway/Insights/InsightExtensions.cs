namespace DeltaStream.Gateway.Insights;

internal static class InsightExtensions
{
    public static IServiceCollection AddDeltaStreamInsights(this IServiceCollection services)
    {
        services.AddSingleton<PulseSource>();
        services.AddSingleton<InsightNarrator>();
        return services;
    }
}
