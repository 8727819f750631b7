using DeltaStream.Analytics.Chain;
using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Api;

/// <summary>The strikes=N filter: N strikes each side of the at-the-money strike.</summary>
internal static class StrikeWindow
{
    public const int Max = 500;

    public static bool TryParse(string? text, out int? strikes)
    {
        strikes = null;
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= Max)
        {
            strikes = n;
            return true;
        }

        return false;
    }

    public static ChainSnapshot Apply(ChainSnapshot snapshot, int eachSide)
    {
        var rows = snapshot.Strikes;
        var centre = snapshot.Analytics.AtmStrike ?? snapshot.Forward ?? snapshot.Spot;
        if (centre is not { } level || rows.Count <= (2 * eachSide) + 1)
        {
            return snapshot;
        }

        var atm = StrikeLadder.Nearest([.. rows.Select(r => r.Strike)], level);
        var from = Math.Max(0, atm - eachSide);
        var to = Math.Min(rows.Count - 1, atm + eachSide);
        return snapshot with { Strikes = [.. rows.Skip(from).Take(to - from + 1)] };
    }
}
