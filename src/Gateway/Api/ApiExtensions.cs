using DeltaStream.Gateway.Api.History;

namespace DeltaStream.Gateway.Api;

internal static class ApiExtensions
{
    public static IServiceCollection AddDeltaStreamApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => JsonConventions.Apply(o.SerializerOptions));
        services.AddOpenApi();
        services.AddSingleton<MarketDirectory>();
        services.AddSingleton<BarHistory>();
        return services;
    }
}
