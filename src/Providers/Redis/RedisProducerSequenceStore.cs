using System.Globalization;
using DeltaStream.Ticks;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// Producer sequences in the hash "{prefix}:producers", field "{src}|{symbol}" ("|{symbol}" for the default producer),
/// which <see cref="RedisQueueAdapter"/> updates in the same script as the entry it appends: the recorded sequence is
/// never behind what Redis holds.
/// </summary>
internal sealed class RedisProducerSequenceStore(RedisConnection connection, FeedPartitioner partitioner) : IProducerSequenceStore
{
    public async Task<long?> LastSequenceAsync(string? source, string symbol, CancellationToken cancellationToken)
    {
        var db = await connection.DatabaseAsync().WaitAsync(cancellationToken);
        var value = await db.HashGetAsync(partitioner.ProducersKey, FieldOf(source, symbol)).WaitAsync(cancellationToken);
        return value.HasValue ? long.Parse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture) : null;
    }

    public static string FieldOf(string? source, string symbol) => (source ?? string.Empty) + "|" + symbol;
}
