using DeltaStream.Analytics.Insights;

namespace DeltaStream.Analytics.Tests.Insights;

public sealed class MarketPulseReaderTests
{
    [Fact]
    public void A_chain_with_every_reading_neutral_is_neutral()
    {
        var pulse = MarketPulseReader.Read(HandBuiltChain.Inputs(HandBuiltChain.Neutral()));

        Assert.Equal(PulseLabel.Neutral, pulse.Label);
        Assert.Equal(0, pulse.Score);
        Assert.False(pulse.Pinning);
        Assert.Equal(12, pulse.Signals.Count);
    }

    [Fact]
    public void Put_writing_support_and_a_pull_upward_make_a_chain_bullish()
    {
        var strikes = HandBuiltChain.FlatStrikes().With(95, s => s with { PutOi = 3000, PutOiChange = 1500 });
        var chain = HandBuiltChain.Neutral() with { Spot = 96, PcrOi = 1.4, MaxPain = 100, RiskReversal25d = 0.01, Strikes = strikes };

        var pulse = MarketPulseReader.Read(HandBuiltChain.Inputs(chain));

        // Bullish: pcrOi (2), maxPain, riskReversal, oiLevels, oiBuildup (1 each); also weighed: termStructure and
        // unusualActivity (neutral). No history and no gamma flip: those weigh nothing.
        Assert.Equal(6.0 / 8, pulse.Score!.Value, 12);
        Assert.Equal(PulseLabel.Bullish, pulse.Label);
    }

    [Fact]
    public void Call_writing_overhead_an_inverted_curve_and_spot_below_the_flip_make_a_chain_bearish()
    {
        var strikes = HandBuiltChain.FlatStrikes().With(105, s => s with { CallOi = 4000, CallOiChange = 2000 });
        var chain = HandBuiltChain.Neutral() with { Spot = 104, PcrOi = 0.6, GammaFlip = 106, Strikes = strikes };

        var pulse = MarketPulseReader.Read(HandBuiltChain.Inputs(chain, null, 0.26, 0.21));

        Assert.Equal(PulseLabel.Bearish, pulse.Label);
        Assert.All(pulse.Signals.Where(s => s.Name is "pcrOi" or "termStructure" or "gammaFlip" or "oiLevels" or "oiBuildup"),
            s => Assert.Equal(SignalDirection.Bearish, s.Direction));
    }

    [Fact]
    public void Positive_gamma_between_the_walls_without_a_strong_lean_is_range_bound()
    {
        var chain = HandBuiltChain.Neutral() with { NetGex = 5e6, PcrOi = 1.3 };

        var pulse = MarketPulseReader.Read(HandBuiltChain.Inputs(chain));

        // pcrOi alone: 2 / 7 = 0.29, below both thresholds.
        Assert.True(pulse.Pinning);
        Assert.Equal(PulseLabel.RangeBound, pulse.Label);
    }

    [Theory]
    [InlineData(0.4, false, PulseLabel.Bullish)]
    [InlineData(0.4, true, PulseLabel.RangeBound)]
    [InlineData(0.5, true, PulseLabel.Bullish)]
    [InlineData(-0.3, false, PulseLabel.Bearish)]
    [InlineData(-0.45, true, PulseLabel.RangeBound)]
    [InlineData(0.29, false, PulseLabel.Neutral)]
    public void A_pinned_chain_needs_a_stronger_lean_for_a_direction(double score, bool pinning, PulseLabel expected)
    {
        Assert.Equal(expected, MarketPulseReader.Label(score, pinning));
    }

    [Fact]
    public void A_chain_without_any_measured_signal_has_no_score_and_is_neutral()
    {
        var empty = new PulseChain(null, null, null, null, null, null, null, null, null, null, []);

        var pulse = MarketPulseReader.Read(new PulseInputs(empty, [], PulseHistory.None));

        Assert.Null(pulse.Score);
        Assert.Equal(PulseLabel.Neutral, pulse.Label);
        Assert.All(pulse.Signals, s => Assert.Null(s.Value));
    }
}
