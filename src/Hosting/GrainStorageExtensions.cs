using DeltaStream.Grains;
using DeltaStream.Grains.History;
using DeltaStream.Grains.Persistence;
using DeltaStream.Hosting.Health;
using DeltaStream.Providers.MongoDB.History;
using DeltaStream.Providers.MongoDB.Storage;
using DeltaStream.Providers.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Hosting;

/// <summary>Where grain state and history go, by configuration: MongoDB when configured, else Redis or memory by mode.</summary>
public static class GrainStorageExtensions
{
    /// <summary>
    /// The grains' storage: MongoDB when ConnectionStrings:MongoDB is set, else Redis in distributed mode
    /// (<paramref name="redis"/>), else memory. Orleans' stream pub-sub state stays on Redis or memory, so a MongoDB
    /// outage never touches stream subscriptions. With MongoDB the silo also writes the history read models.
    /// </summary>
    public static ISiloBuilder AddDeltaStreamGrainStorage(this ISiloBuilder silo, IConfiguration configuration, string? redis)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddOptions<HistoryOptions>().Bind(configuration.GetSection(HistoryOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        var mongo = MongoSettings.ConnectionString(configuration);
        if (mongo is not null)
        {
            silo.AddMongoGrainStorage(GrainStorage.Market, MongoSettings.Bind<MongoGrainStorageOptions>(configuration, mongo));
            silo.Services.AddDeltaStreamMongoHistory(configuration, mongo, write: true);
        }
        else if (redis is not null)
        {
            silo.AddRedisGrainStorage(GrainStorage.Market, o => o.ConfigurationOptions = RedisConfiguration.Parse(redis));
        }
        else
        {
            silo.AddMemoryGrainStorage(GrainStorage.Market);
            silo.Services.AddSingleton<MemoryOnlyStorage>();
        }

        if (redis is not null)
        {
            silo.AddRedisGrainStorage("PubSubStore", o => o.ConfigurationOptions = RedisConfiguration.Parse(redis));
        }
        else
        {
            silo.AddMemoryGrainStorage("PubSubStore");
        }

        return silo;
    }

    /// <summary>The MongoDB history read models (and their readiness check) for a silo (writing) or a gateway (reading).</summary>
    public static IServiceCollection AddDeltaStreamMongoHistory(this IServiceCollection services, IConfiguration configuration, string connectionString, bool write)
    {
        services.AddMongoHistory(MongoSettings.Bind<MongoHistoryOptions>(configuration, connectionString), write);
        services.AddHealthChecks().AddCheck<MongoHealthCheck>("mongodb", tags: [HealthExtensions.ReadyTag]);
        return services;
    }
}
