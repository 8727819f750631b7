using DeltaStream.History;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace DeltaStream.Providers.MongoDB.History;

public static class MongoHistoryExtensions
{
    /// <summary>
    /// The MongoDB read models: <see cref="IMarketHistoryReader"/> for queries, and with <paramref name="write"/>
    /// (silos only: it runs in the silo lifecycle) the buffered <see cref="IMarketHistoryWriter"/> the grains hand history to. Options validated at start.
    /// </summary>
    public static IServiceCollection AddMongoHistory(this IServiceCollection services, Action<MongoHistoryOptions> configure, bool write)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MongoHistoryOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MongoHistoryOptions>, MongoHistoryOptionsValidator>());
        services.TryAddSingleton<MongoHistoryCollections>();
        services.TryAddSingleton<IMarketHistoryReader, MongoHistoryReader>();
        services.TryAddSingleton(sp => new MongoHistoryStatus(sp.GetRequiredService<MongoHistoryCollections>(), sp.GetService<MongoHistoryWriter>()));
        if (write)
        {
            services.TryAddSingleton<MongoHistoryWriter>();
            services.TryAddSingleton<IMarketHistoryWriter>(sp => sp.GetRequiredService<MongoHistoryWriter>());
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<MongoHistoryWriter>());
        }

        return services;
    }
}
