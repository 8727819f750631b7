using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace DeltaStream.Providers.MongoDB.Storage;

public static class MongoGrainStorageExtensions
{
    /// <summary>Adds a named MongoDB grain storage; its options are validated when the silo starts.</summary>
    public static ISiloBuilder AddMongoGrainStorage(this ISiloBuilder silo, string name, Action<MongoGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddMongoGrainStorage(name, configure);
        return silo;
    }

    /// <inheritdoc cref="AddMongoGrainStorage(ISiloBuilder, string, Action{MongoGrainStorageOptions})" />
    public static IServiceCollection AddMongoGrainStorage(this IServiceCollection services, string name, Action<MongoGrainStorageOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MongoGrainStorageOptions>(name).Configure(configure);
        services.AddTransient<IPostConfigureOptions<MongoGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<MongoGrainStorageOptions>>();
        services.AddTransient<IConfigurationValidator>(sp =>
            new MongoGrainStorageOptionsValidator(sp.GetRequiredService<IOptionsMonitor<MongoGrainStorageOptions>>().Get(name), name));
        return services.AddGrainStorage(name, static (sp, storageName) =>
            ActivatorUtilities.CreateInstance<MongoGrainStorage>(sp, storageName, sp.GetRequiredService<IOptionsMonitor<MongoGrainStorageOptions>>().Get(storageName)));
    }
}
