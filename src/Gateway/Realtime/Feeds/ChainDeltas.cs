using System.Reflection;
using System.Text.Json;
using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Realtime.Feeds;

/// <summary>Folds a grain's update into a chain snapshot, and states the difference between two snapshots of one epoch.</summary>
internal static class ChainDeltas
{
    // Every analytics field by its wire name, so a new field is diffed without being listed here.
    private static readonly (string Name, PropertyInfo Property)[] AnalyticsFields =
        [.. typeof(ChainAnalytics).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), p))];

    /// <summary>The snapshot after <paramref name="update"/> (its rows replace those of the same strike).</summary>
    public static ChainSnapshot Apply(ChainSnapshot snapshot, ChainUpdate update)
    {
        var before = snapshot.Strikes;
        var changed = update.Strikes;
        var rows = new List<StrikeRow>(Math.Max(before.Count, changed.Count));
        int i = 0, j = 0;
        while (i < before.Count || j < changed.Count)
        {
            if (j == changed.Count || (i < before.Count && before[i].Strike < changed[j].Strike))
            {
                rows.Add(before[i++]);
            }
            else
            {
                if (i < before.Count && before[i].Strike == changed[j].Strike)
                {
                    i++;
                }

                rows.Add(changed[j++]);
            }
        }

        return snapshot with
        {
            Spot = update.Spot,
            Forward = update.Forward,
            TimeToExpiry = update.TimeToExpiry,
            UpdatedAt = update.UpdatedAt,
            Sequence = update.Sequence,
            Analytics = update.Analytics,
            Strikes = rows,
            Status = update.Status,
            Settlement = update.Settlement,
        };
    }

    /// <summary>What changed from <paramref name="from"/> to <paramref name="to"/>, two snapshots of one epoch.</summary>
    public static ChainDelta Between(ChainSnapshot from, ChainSnapshot to)
    {
        var analytics = new Dictionary<string, object?>();
        if (!ReferenceEquals(from.Analytics, to.Analytics))
        {
            foreach (var (name, property) in AnalyticsFields)
            {
                var value = property.GetValue(to.Analytics);
                if (!Equals(value, property.GetValue(from.Analytics)))
                {
                    analytics[name] = value;
                }
            }
        }

        var strikes = new List<StrikeRow>();
        var j = 0;
        foreach (var row in to.Strikes)
        {
            while (j < from.Strikes.Count && from.Strikes[j].Strike < row.Strike)
            {
                j++;
            }

            var previous = j < from.Strikes.Count && from.Strikes[j].Strike == row.Strike ? from.Strikes[j] : null;
            if (previous is null || (!ReferenceEquals(previous, row) && !previous.Equals(row)))
            {
                strikes.Add(row);
            }
        }

        return new ChainDelta(to.Symbol, to.Expiry, to.Epoch, from.Sequence + 1, to.Sequence, to.Spot, to.Forward, to.TimeToExpiry, to.UpdatedAt, analytics, strikes, to.Status, to.Settlement);
    }
}
