namespace DeltaStream.Gateway.Ask;

internal static class AskExtensions
{
    public static IServiceCollection AddDeltaStreamAsk(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AskOptions>().Bind(configuration.GetSection(AskOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DocsIndex>();
        services.AddSingleton<AnswerComposer>();
        services.AddHostedService<DocsIndexWarmup>();
        return services;
    }
}
