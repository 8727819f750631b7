using DeltaStream.Analytics.Chain;
using DeltaStream.Analytics.Pricing;

namespace DeltaStream.Analytics.Tests;

public sealed class ChainMetricsTests
{
    [Theory]
    [InlineData(1, 1, OiBuildup.LongBuildup)]
    [InlineData(-1, 1, OiBuildup.ShortBuildup)]
    [InlineData(1, -1, OiBuildup.ShortCovering)]
    [InlineData(-1, -1, OiBuildup.LongUnwinding)]
    [InlineData(0, 1, OiBuildup.Neutral)]
    [InlineData(1, 0, OiBuildup.Neutral)]
    [InlineData(double.NaN, 1, OiBuildup.Neutral)]
    public void Oi_buildup_follows_the_conventional_reading(double priceChange, double oiChange, OiBuildup expected)
    {
        Assert.Equal(expected, OiBuildupClassifier.Classify(double.IsNaN(priceChange) ? 0 : priceChange, oiChange));
    }

    [Fact]
    public void Nearest_strike_prefers_the_lower_on_a_tie()
    {
        Assert.Equal(1, StrikeLadder.Nearest([90, 100, 110], 105));
        Assert.Equal(2, StrikeLadder.Nearest([90, 100, 110], 106));
        Assert.Equal(-1, StrikeLadder.Nearest([], 1));
    }

    [Fact]
    public void Interpolation_skips_missing_points_and_never_extrapolates()
    {
        double[] xs = [90, 100, 110, 120];
        double[] ys = [0.3, double.NaN, 0.2, 0.25];
        Assert.Equal(0.25, StrikeLadder.Interpolate(xs, ys, 100)!.Value, 15);
        Assert.Equal(0.2, StrikeLadder.Interpolate(xs, ys, 110));
        Assert.Null(StrikeLadder.Interpolate(xs, ys, 89));
        Assert.Null(StrikeLadder.Interpolate(xs, ys, 121));
    }

    [Fact]
    public void Wing_volatility_recovers_a_flat_smile_and_a_linear_skew()
    {
        const double spot = 100, t = 0.25, r = 0.03, q = 0.0;
        var strikes = Enumerable.Range(0, 41).Select(i => 80.0 + i).ToArray();
        double Vol(double k) => 0.2 - (0.1 * Math.Log(k / spot));
        var callDelta = strikes.Select(k => BlackScholesMerton.Greeks(OptionType.Call, spot, k, t, r, q, Vol(k)).Delta).ToArray();
        var ivs = strikes.Select(Vol).ToArray();

        var wing = DeltaSkew.WingVolatility(callDelta, ivs);

        Assert.NotNull(wing);
        // The strike with call delta 0.25 lies between two ladder strikes; the interpolated IV lies between theirs.
        var above = Array.FindIndex(callDelta, d => d < 0.25);
        Assert.InRange(wing.Value, ivs[above], ivs[above - 1]);
        Assert.Null(DeltaSkew.WingVolatility([0.9, 0.8], [0.2, 0.2]));
    }

    [Fact]
    public void Gamma_exposure_flips_where_put_gamma_below_spot_meets_call_gamma_above()
    {
        double[] strikes = [90, 100, 110];
        double[] iv = [0.2, 0.2, 0.2];
        double[] callOi = [0, 0, 1000];
        double[] putOi = [1000, 0, 0];

        var profile = Profile(strikes, iv, callOi, putOi, 30 / 365.0);

        var flip = GammaExposure.FlipPoint(profile.NetGexAt, 100);

        Assert.NotNull(flip);
        // Symmetric put and call OI around 100 put the zero of net GEX close to the midpoint.
        Assert.InRange(flip.Value, 99, 101);
        Assert.True(profile.NetGexAt(flip.Value - 1) < 0 && profile.NetGexAt(flip.Value + 1) > 0);
        Assert.True(Math.Abs(profile.NetGexAt(flip.Value)) < 1e-9 * Math.Abs(profile.NetGexAt(flip.Value + 1)));
    }

    [Fact]
    public void Gamma_exposure_has_no_flip_when_only_calls_are_open()
    {
        double[] strikes = [90, 100, 110];
        double[] iv = [0.2, 0.2, 0.2];
        Assert.Null(GammaExposure.FlipPoint(Profile(strikes, iv, [100, 100, 100], [0, 0, 0], 0.1).NetGexAt, 100));
        Assert.Null(GammaExposure.FlipPoint(new GammaProfile().NetGexAt, 100));
    }

    [Fact]
    public void Gamma_profile_equals_the_sum_of_bsm_gamma_exposures()
    {
        double[] strikes = [90, 100, 110];
        double[] iv = [0.25, 0.2, 0.18];
        var profile = new GammaProfile();
        profile.Reset(0.3, 0.04, 0.01, 50);
        profile.Add(90, 0.25, 700, OptionType.Put);
        profile.Add(100, 0.2, 300, OptionType.Call);
        profile.Add(110, 0.18, 900, OptionType.Call);
        profile.Add(120, double.NaN, 900, OptionType.Call);

        foreach (var level in new[] { 85.0, 100, 117 })
        {
            var expected = GammaExposure.Of(BlackScholesMerton.Gamma(level, 100, 0.3, 0.04, 0.01, 0.2), 300, 50, level)
                + GammaExposure.Of(BlackScholesMerton.Gamma(level, 110, 0.3, 0.04, 0.01, 0.18), 900, 50, level)
                - GammaExposure.Of(BlackScholesMerton.Gamma(level, 90, 0.3, 0.04, 0.01, 0.25), 700, 50, level);
            Assert.Equal(expected, profile.NetGexAt(level), Math.Abs(expected) * 1e-13);
        }

        Assert.Equal(3, profile.Count);
    }

    private static GammaProfile Profile(double[] strikes, double[] iv, double[] callOi, double[] putOi, double time)
    {
        var profile = new GammaProfile();
        profile.Reset(time, 0, 0, 1);
        for (var i = 0; i < strikes.Length; i++)
        {
            profile.Add(strikes[i], iv[i], callOi[i], OptionType.Call);
            profile.Add(strikes[i], iv[i], putOi[i], OptionType.Put);
        }

        return profile;
    }

    [Fact]
    public void A_wall_is_the_strike_of_largest_exposure_the_first_on_a_tie_and_none_without_exposure()
    {
        double[] strikes = [90, 100, 110, 120];
        Assert.Equal(100, GammaExposure.Wall(strikes, [1, 5, 5, 2]));
        Assert.Null(GammaExposure.Wall(strikes, [0, 0, 0, 0]));
        Assert.Null(GammaExposure.Wall([], []));
    }
}
