namespace DeltaStream.Providers.MongoDB.Storage;

/// <summary>A grain state operation failed for a reason other than an etag conflict (the server, the network).</summary>
public sealed class MongoStorageException : Exception
{
    public MongoStorageException()
    {
    }

    public MongoStorageException(string message) : base(message)
    {
    }

    public MongoStorageException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
