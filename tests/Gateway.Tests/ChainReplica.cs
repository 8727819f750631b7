using System.Text.Json;
using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Tests;

/// <summary>A chain as a client rebuilds it: a snapshot with every delta applied the way API.md says.</summary>
internal sealed class ChainReplica
{
    private readonly SortedDictionary<double, StrikeRow> strikes = [];

    public ChainReplica(ChainSnapshot snapshot)
    {
        Epoch = snapshot.Epoch;
        Sequence = snapshot.Sequence;
        Spot = snapshot.Spot;
        Forward = snapshot.Forward;
        TimeToExpiry = snapshot.TimeToExpiry;
        UpdatedAt = snapshot.UpdatedAt;
        Analytics = JsonSerializer.Deserialize<Dictionary<string, double?>>(JsonSerializer.Serialize(snapshot.Analytics, Market.Json), Market.Json)!;
        foreach (var row in snapshot.Strikes)
        {
            strikes[row.Strike] = row;
        }
    }

    public long Epoch { get; }

    public long Sequence { get; private set; }

    public double? Spot { get; private set; }

    public double? Forward { get; private set; }

    public double TimeToExpiry { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Dictionary<string, double?> Analytics { get; }

    public IReadOnlyList<StrikeRow> Strikes => [.. strikes.Values];

    public void Apply(ChainDeltaMessage delta)
    {
        Assert.Equal(Epoch, delta.Epoch);
        Assert.Equal(Sequence + 1, delta.FromSequence);
        Sequence = delta.Sequence;
        Spot = delta.Spot;
        Forward = delta.Forward;
        TimeToExpiry = delta.TimeToExpiry;
        UpdatedAt = delta.UpdatedAt;
        foreach (var (name, value) in delta.Analytics)
        {
            Assert.True(Analytics.ContainsKey(name), $"unknown analytics field {name}");
            Analytics[name] = value;
        }

        foreach (var row in delta.Strikes)
        {
            strikes[row.Strike] = row;
        }
    }

    /// <summary>Asserts every field equals the other replica's.</summary>
    public void AssertEqual(ChainReplica other)
    {
        Assert.Equal((other.Epoch, other.Sequence, other.Spot, other.Forward, other.TimeToExpiry, other.UpdatedAt), (Epoch, Sequence, Spot, Forward, TimeToExpiry, UpdatedAt));
        Assert.Equal(other.Analytics.OrderBy(p => p.Key), Analytics.OrderBy(p => p.Key));
        Assert.Equal(other.Strikes, Strikes);
    }
}
