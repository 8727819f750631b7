using DeltaStream.Analytics.Insights;

namespace DeltaStream.Analytics.Tests.Insights;

public sealed class PulseRulesTests
{
    [Theory]
    [InlineData(1.30, SignalDirection.Bullish)]
    [InlineData(1.20, SignalDirection.Bullish)]
    [InlineData(1.00, SignalDirection.Neutral)]
    [InlineData(0.80, SignalDirection.Bearish)]
    [InlineData(0.55, SignalDirection.Bearish)]
    public void Pcr_reads_put_writing_as_support_and_call_writing_as_a_ceiling(double pcr, SignalDirection expected)
    {
        var signal = PulseRules.PcrOi(HandBuiltChain.Neutral() with { PcrOi = pcr });

        Assert.Equal(expected, signal.Direction);
        Assert.Equal(pcr, signal.Value);
        Assert.Equal(2, signal.Weight);
        Assert.Contains(pcr.ToString("F2", System.Globalization.CultureInfo.InvariantCulture), signal.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signal_without_its_input_has_no_value_no_weight_and_says_what_is_missing()
    {
        var signal = PulseRules.PcrOi(HandBuiltChain.Neutral() with { PcrOi = null });

        Assert.Null(signal.Value);
        Assert.Equal(0, signal.Weight);
        Assert.Equal(SignalDirection.Neutral, signal.Direction);
        Assert.Contains("no call open interest", signal.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.90, 1.05, SignalDirection.Bullish)]
    [InlineData(1.10, 0.95, SignalDirection.Bearish)]
    [InlineData(1.00, 1.05, SignalDirection.Neutral)]
    public void Pcr_change_is_measured_from_the_sessions_first_record(double open, double now, SignalDirection expected)
    {
        var signal = PulseRules.PcrChange(HandBuiltChain.Neutral() with { PcrOi = now }, new PulseHistory(open, null, null));

        Assert.Equal(expected, signal.Direction);
        Assert.Equal(now - open, signal.Value!.Value, 12);
        Assert.Null(PulseRules.PcrChange(HandBuiltChain.Neutral(), PulseHistory.None).Value);
    }

    [Theory]
    [InlineData(102, 2.0, SignalDirection.Bullish)]
    [InlineData(98, -2.0, SignalDirection.Bearish)]
    [InlineData(100.5, 0.5, SignalDirection.Neutral)]
    public void Max_pain_away_from_spot_pulls_toward_it(double maxPain, double pct, SignalDirection expected)
    {
        var signal = PulseRules.MaxPain(HandBuiltChain.Neutral() with { MaxPain = maxPain });

        Assert.Equal(expected, signal.Direction);
        Assert.Equal(pct, signal.Value!.Value, 12);
    }

    [Theory]
    [InlineData(0.215, 0.875, SignalDirection.Bearish)]
    [InlineData(0.185, 0.125, SignalDirection.Bullish)]
    [InlineData(0.200, 0.5, SignalDirection.Neutral)]
    public void Atm_iv_near_its_session_high_is_fear_rising_and_near_its_low_fear_easing(double iv, double position, SignalDirection expected)
    {
        var signal = PulseRules.AtmIvRange(HandBuiltChain.Neutral() with { AtmIv = iv }, new PulseHistory(null, 0.18, 0.22));

        Assert.Equal(expected, signal.Direction);
        Assert.Equal(position, signal.Value!.Value, 12);
    }

    [Fact]
    public void Atm_iv_in_a_range_under_half_a_vol_point_reads_nothing()
    {
        var signal = PulseRules.AtmIvRange(HandBuiltChain.Neutral() with { AtmIv = 0.2019 }, new PulseHistory(null, 0.1990, 0.2020));

        Assert.Equal(SignalDirection.Neutral, signal.Direction);
        Assert.Contains("too narrow", signal.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void An_atm_iv_beyond_the_recorded_range_extends_it()
    {
        var signal = PulseRules.AtmIvRange(HandBuiltChain.Neutral() with { AtmIv = 0.25 }, new PulseHistory(null, 0.18, 0.22));

        Assert.Equal(1.0, signal.Value);
        Assert.Equal(SignalDirection.Bearish, signal.Direction);
    }

    [Fact]
    public void An_inverted_term_structure_is_bearish_and_an_upward_one_neutral()
    {
        var inverted = PulseRules.TermStructure([0.25, 0.20, 0.19]);
        var upward = PulseRules.TermStructure([null, 0.18, 0.20]);

        Assert.Equal(SignalDirection.Bearish, inverted.Direction);
        Assert.Equal(0.05, inverted.Value!.Value, 12);
        Assert.Contains("inverted", inverted.Evidence, StringComparison.Ordinal);
        Assert.Equal(SignalDirection.Neutral, upward.Direction);
        Assert.Equal(-0.02, upward.Value!.Value, 12);
        Assert.Null(PulseRules.TermStructure([0.2, null]).Value);
    }

    [Theory]
    [InlineData(0.010, SignalDirection.Bullish)]
    [InlineData(-0.030, SignalDirection.Bearish)]
    [InlineData(-0.008, SignalDirection.Neutral)]
    public void Risk_reversal_reads_which_wing_is_bid(double rr, SignalDirection expected)
    {
        Assert.Equal(expected, PulseRules.RiskReversal(HandBuiltChain.Neutral() with { RiskReversal25d = rr }).Direction);
    }

    [Fact]
    public void Expected_move_informs_the_range_without_weight()
    {
        var signal = PulseRules.ExpectedMove(HandBuiltChain.Neutral());

        Assert.Equal(0, signal.Weight);
        Assert.Equal(5, signal.Value);
        Assert.Contains("5 (5.00% of spot): 95 to 105", signal.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2e6, 100, true)]
    [InlineData(2e6, 112, false)]
    [InlineData(-2e6, 100, false)]
    public void Positive_gamma_between_the_walls_pins_the_chain(double netGex, double spot, bool pinning)
    {
        var chain = HandBuiltChain.Neutral() with { NetGex = netGex, Spot = spot };

        Assert.Equal(pinning, PulseRules.IsPinning(chain));
        var regime = PulseRules.GammaRegime(chain);
        Assert.Equal(0, regime.Weight);
        Assert.Contains(pinning ? "pinning regime" : netGex < 0 ? "trending regime" : "outside the walls", regime.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(98, SignalDirection.Bullish)]
    [InlineData(102, SignalDirection.Bearish)]
    [InlineData(99.9, SignalDirection.Neutral)]
    public void Spot_above_the_gamma_flip_is_bullish_and_below_bearish(double flip, SignalDirection expected)
    {
        var signal = PulseRules.GammaFlip(HandBuiltChain.Neutral() with { GammaFlip = flip });

        Assert.Equal(expected, signal.Direction);
        Assert.Equal(100 - flip, signal.Value!.Value, 12);
    }

    [Theory]
    [InlineData(96, SignalDirection.Bullish)]
    [InlineData(102, SignalDirection.Neutral)]
    [InlineData(108, SignalDirection.Bearish)]
    public void Large_put_oi_below_spot_is_support_and_large_call_oi_above_is_resistance(double spot, SignalDirection expected)
    {
        var strikes = HandBuiltChain.FlatStrikes()
            .With(95, s => s with { PutOi = 9000 })
            .With(110, s => s with { CallOi = 7000 });

        var signal = PulseRules.OiLevels(HandBuiltChain.Neutral() with { Spot = spot, Strikes = strikes });

        Assert.Equal(expected, signal.Direction);
        Assert.Equal((spot - 95) / 15, signal.Value!.Value, 12);
        Assert.Contains("support 95 (put OI 9000) and resistance 110 (call OI 7000)", signal.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Oi_build_up_weighs_put_writing_below_spot_against_call_writing_above()
    {
        var strikes = HandBuiltChain.FlatStrikes()
            .With(90, s => s with { PutOiChange = 2000, CallOiChange = 5000 })
            .With(95, s => s with { PutOiChange = 1000 })
            .With(105, s => s with { CallOiChange = 1000, PutOiChange = 9000 });

        var signal = PulseRules.OiBuildup(HandBuiltChain.Neutral() with { Strikes = strikes });

        // Only puts below spot (3000) and calls above it (1000) count: (3000 - 1000) / 4000.
        Assert.Equal(0.5, signal.Value);
        Assert.Equal(SignalDirection.Bullish, signal.Direction);
        var bearish = PulseRules.OiBuildup(HandBuiltChain.Neutral() with { Strikes = HandBuiltChain.FlatStrikes().With(110, s => s with { CallOiChange = 500 }) });
        Assert.Equal(SignalDirection.Bearish, bearish.Direction);
        Assert.Null(PulseRules.OiBuildup(HandBuiltChain.Neutral()).Value);
    }

    [Fact]
    public void Volume_far_above_the_chains_median_is_unusual_activity()
    {
        var strikes = HandBuiltChain.FlatStrikes().With(105, s => s with { CallVolume = 800 });

        var signal = PulseRules.UnusualActivity(HandBuiltChain.Neutral() with { Strikes = strikes });

        Assert.Equal(1, signal.Value);
        Assert.Equal(SignalDirection.Bullish, signal.Direction);
        Assert.Contains("call 105 volume 800 (8.0x the median 100)", signal.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Oi_change_far_above_the_norm_on_puts_is_bearish_activity()
    {
        var strikes = HandBuiltChain.FlatStrikes().Select(s => s with { CallOiChange = 10, PutOiChange = -10 }).ToArray()
            .With(95, s => s with { PutOiChange = 400 });

        var signal = PulseRules.UnusualActivity(HandBuiltChain.Neutral() with { Strikes = strikes });

        Assert.Equal(SignalDirection.Bearish, signal.Direction);
        Assert.Contains("put 95 OI change 400 (40.0x the median 10)", signal.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Activity_has_no_norm_with_fewer_than_six_active_sides()
    {
        var strikes = HandBuiltChain.FlatStrikes().Take(2).ToArray();

        var signal = PulseRules.UnusualActivity(HandBuiltChain.Neutral() with { Strikes = strikes });

        Assert.Null(signal.Value);
        Assert.Equal(0, signal.Weight);
        Assert.Equal(0, PulseRules.UnusualActivity(HandBuiltChain.Neutral()).Value);
    }
}
