using DeltaStream.Analytics.Insights;

namespace DeltaStream.Analytics.Tests.Insights;

public sealed class PulseNarrativeTests
{
    private static readonly DateOnly Expiry = new(2026, 12, 4);

    [Fact]
    public void The_narrative_states_the_label_the_evidence_by_side_the_regime_and_the_range()
    {
        var chain = HandBuiltChain.Neutral() with { PcrOi = 1.4, MaxPain = 102, RiskReversal25d = 0.01, GammaFlip = 101 };
        var pulse = MarketPulseReader.Read(HandBuiltChain.Inputs(chain));

        var text = PulseNarrative.Compose("SPY", Expiry, pulse);

        Assert.Equal(
            "SPY 2026-12-04 reads bullish (score +0.38 over 7 weighted signals). "
            + "Bullish: PCR (OI) is 1.40: put writers dominate, read as support; max pain 102 is +2.00% from spot 100; "
            + "25-delta risk reversal +1.0 vol points: calls bid over puts. "
            + "Bearish: spot 100 is below the gamma flip 101 (-1.00%). "
            + "Net GEX -1.0 m with the put wall at 90 and the call wall at 110: dealers short gamma, trending regime. "
            + "Expected move by expiry 5 (5.00% of spot): 95 to 105.",
            text);
    }

    [Fact]
    public void The_same_pulse_always_reads_the_same()
    {
        var inputs = HandBuiltChain.Inputs(HandBuiltChain.Neutral() with { NetGex = 3e9 }, new PulseHistory(0.9, 0.18, 0.22));

        var first = PulseNarrative.Compose("NIFTY", Expiry, MarketPulseReader.Read(inputs));
        var second = PulseNarrative.Compose("NIFTY", Expiry, MarketPulseReader.Read(inputs));

        Assert.Equal(first, second);
        Assert.StartsWith("NIFTY 2026-12-04 reads range-bound", first, StringComparison.Ordinal);
        Assert.Contains("dealers long gamma, pinning regime", first, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_with_nothing_measured_says_so()
    {
        var empty = new PulseChain(null, null, null, null, null, null, null, null, null, null, []);

        var text = PulseNarrative.Compose("AAPL", Expiry, MarketPulseReader.Read(new PulseInputs(empty, [], PulseHistory.None)));

        Assert.Equal("AAPL 2026-12-04 reads neutral: no weighted signal can be measured yet.", text);
    }
}
