using DeltaStream.Calendars;
using DeltaStream.Hosting.Clock;
using DeltaStream.Instruments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DeltaStream.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>Reference data and settings every DeltaStream process shares: the exchange calendars, the instrument catalog and the clock.</summary>
    public static IServiceCollection AddMarketReferenceData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMarketClock(configuration);
        services.AddOptions<ExchangeCalendarOptions>().Bind(configuration.GetSection(ExchangeCalendarOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExchangeCalendarOptions>, ExchangeCalendarOptionsValidator>());
        services.TryAddSingleton<ExchangeCalendars>();
        services.AddOptions<InstrumentCatalogOptions>().Bind(configuration.GetSection(InstrumentCatalogOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InstrumentCatalogOptions>, InstrumentCatalogOptionsValidator>());
        services.TryAddSingleton<InstrumentCatalog>();
        return services;
    }
}
