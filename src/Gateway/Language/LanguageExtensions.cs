namespace DeltaStream.Gateway.Language;

internal static class LanguageExtensions
{
    public static IServiceCollection AddDeltaStreamLanguageModel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LanguageModelOptions>().Bind(configuration.GetSection(LanguageModelOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GroundedChat>();
        services.AddSingleton<ModelCalls>();
        return services;
    }
}
