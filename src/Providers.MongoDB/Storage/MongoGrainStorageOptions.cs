using Orleans;
using Orleans.Storage;

namespace DeltaStream.Providers.MongoDB.Storage;

/// <summary>Options of one named MongoDB grain storage (see <see cref="MongoGrainStorage"/>).</summary>
public sealed class MongoGrainStorageOptions : MongoConnectionOptions, IStorageProviderSerializerOptions
{
    /// <summary>The collection holding one document per grain state.</summary>
    public string Collection { get; set; } = "grains";

    /// <summary>
    /// Clear deletes the document instead of keeping it, without state, under a new etag. Keeping it (the default)
    /// lets a grain that cleared its state write again with the etag it holds.
    /// </summary>
    public bool DeleteStateOnClear { get; set; }

    /// <summary>The silo lifecycle stage at which the provider opens the database.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <inheritdoc />
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
