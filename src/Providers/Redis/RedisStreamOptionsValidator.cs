using Orleans;
using Orleans.Runtime;

namespace DeltaStream.Providers.Redis;

/// <summary>Fails start-up with a clear message when a provider's options cannot work.</summary>
internal sealed class RedisStreamOptionsValidator(RedisStreamOptions options, string name) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        void Fail(string message) => throw new OrleansConfigurationException($"Redis stream provider '{name}': {message}");

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Fail("ConnectionString is required (ConnectionStrings:Redis).");
        }

        if (string.IsNullOrWhiteSpace(options.Prefix) || options.Prefix.Contains(' ', StringComparison.Ordinal))
        {
            Fail("Prefix must be a non-empty key prefix without spaces.");
        }

        if (options.Partitions is < 1 or > 1024)
        {
            Fail("Partitions must be between 1 and 1024.");
        }

        if (options.ReadBatchSize is < 1 or > 10_000)
        {
            Fail("ReadBatchSize must be between 1 and 10000.");
        }

        if (options.TrimInterval <= TimeSpan.Zero || options.TrimInterval > TimeSpan.FromMinutes(10))
        {
            Fail("TrimInterval must be above zero and at most 10 minutes.");
        }

        if (options.MaxBacklog < 1 || options.DeadLetterMaxLength < 1)
        {
            Fail("MaxBacklog and DeadLetterMaxLength must be positive.");
        }
    }
}
