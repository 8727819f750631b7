using System.Collections.Concurrent;
using System.Text.Json;
using DeltaStream.Snapshots;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Api;

/// <summary>
/// The JSON of each chain's last published snapshot, per strike window. A chain changes at most once per publish
/// interval while it may be read thousands of times a second, so every GET of an unchanged chain answers with the
/// bytes already written (serialising 30 KB was most of a request's cost). An entry is replaced when the grain's
/// epoch or sequence moves. Entries are bounded: when a new one would pass the bound (many strike windows, or
/// chains that expired) the cache starts again empty, so it keeps serving what is asked for now.
/// </summary>
internal sealed class ChainSnapshotJson(IOptions<JsonOptions> json)
{
    private const int MaxEntries = 1024;
    private readonly JsonSerializerOptions options = json.Value.SerializerOptions;
    private readonly ConcurrentDictionary<(string Chain, int EachSide), Entry> entries = new();
    private int count;

    /// <summary>The snapshot, cut to <paramref name="eachSide"/> strikes around the money when given, as UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> Utf8(string chain, ChainSnapshot snapshot, int? eachSide)
    {
        var key = (chain, eachSide ?? 0);
        if (entries.TryGetValue(key, out var cached) && cached.Epoch == snapshot.Epoch && cached.Sequence == snapshot.Sequence)
        {
            return cached.Utf8;
        }

        var shaped = eachSide is { } n ? StrikeWindow.Apply(snapshot, n) : snapshot;
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(shaped, options);
        if (cached is null && Interlocked.Increment(ref count) > MaxEntries)
        {
            entries.Clear();
            Interlocked.Exchange(ref count, 1);
        }

        entries[key] = new Entry(snapshot.Epoch, snapshot.Sequence, utf8);

        return utf8;
    }

    /// <summary>The entity tag of a snapshot: its epoch and sequence name one published state of the chain.</summary>
    public static string ETag(ChainSnapshot snapshot) => $"\"{snapshot.Epoch}-{snapshot.Sequence}\"";

    private sealed record Entry(long Epoch, long Sequence, byte[] Utf8);
}
