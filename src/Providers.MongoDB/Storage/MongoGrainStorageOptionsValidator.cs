using Orleans;
using Orleans.Runtime;

namespace DeltaStream.Providers.MongoDB.Storage;

/// <summary>Fails silo start-up with a clear message when a MongoDB grain storage's options cannot work.</summary>
internal sealed class MongoGrainStorageOptionsValidator(MongoGrainStorageOptions options, string name) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        var problem = MongoDatabaseFactory.Problem(options)
            ?? (string.IsNullOrWhiteSpace(options.Collection) || options.Collection.Contains('$', StringComparison.Ordinal)
                ? "Collection must be a non-empty collection name without '$'."
                : null);
        if (problem is not null)
        {
            throw new OrleansConfigurationException($"MongoDB grain storage '{name}': {problem}");
        }
    }
}
