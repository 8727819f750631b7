using DeltaStream.Analytics.Insights;

namespace DeltaStream.Analytics.Tests.Insights;

/// <summary>Chains built by hand around spot 100 with strikes 90..110 step 5, every reading neutral unless a test changes it.</summary>
internal static class HandBuiltChain
{
    public static PulseStrike[] FlatStrikes() =>
        [.. new[] { 90.0, 95, 100, 105, 110 }.Select(k => new PulseStrike(k, CallOi: 1000, PutOi: 1000, CallVolume: 100, PutVolume: 100, CallOiChange: 0, PutOiChange: 0))];

    /// <summary>PCR 1.0, max pain at spot, the usual skew, no flip, net GEX negative, OI flat: every weighted signal neutral.</summary>
    public static PulseChain Neutral() => new(
        Spot: 100, PcrOi: 1.0, MaxPain: 100, AtmIv: 0.20, RiskReversal25d: -0.008, ExpectedMove: 5,
        NetGex: -1e6, GammaFlip: null, CallWall: 110, PutWall: 90, Strikes: FlatStrikes());

    public static PulseInputs Inputs(PulseChain chain, PulseHistory? history = null, params double?[] term) =>
        new(chain, term.Length == 0 ? [0.20, 0.21] : term, history ?? PulseHistory.None);

    public static PulseStrike[] With(this PulseStrike[] strikes, double strike, Func<PulseStrike, PulseStrike> change) =>
        [.. strikes.Select(s => s.Strike == strike ? change(s) : s)];
}
