using DeltaStream.Analytics.Pricing;

namespace DeltaStream.Analytics.American;

/// <summary>
/// American options under Black-Scholes-Merton with continuous r and q. Without cash dividends the price is the
/// European one plus the early-exercise premium integrated over the exercise boundary, which is solved by the
/// Andersen-Lake-Offengenden fixed-point method on the unit-strike put (calls by put-call symmetry). Where the
/// exercise region lies between two boundaries (a put with q &lt; r &lt; 0, a call with r &lt; q &lt; 0) the price comes
/// from the finite-difference grid instead. Inputs must be finite with spot, strike and volatility positive;
/// time at or below zero gives the intrinsic value.
/// </summary>
public static class AmericanOption
{
    public static AmericanPrice Price(OptionType type, double spot, double strike, double time, double rate, double dividendYield, double volatility, AmericanAccuracy? accuracy = null)
    {
        var intrinsic = Intrinsic(type, spot, strike);
        if (time <= 0)
        {
            return new AmericanPrice(intrinsic, intrinsic, 0.0);
        }

        var european = BlackScholesMerton.Price(type, spot, strike, time, rate, dividendYield, volatility);
        var frame = PutFrame.Of(type, spot, strike, rate, dividendYield);
        switch (frame.Regime)
        {
            case ExerciseRegime.Never:
                return new AmericanPrice(european, european, 0.0);
            case ExerciseRegime.Between:
                return FiniteDifferenceAmerican.Price(type, spot, strike, time, rate, dividendYield, volatility, [], Checked(accuracy));
        }

        var settings = Checked(accuracy);
        var boundary = ExerciseBoundary.Solve(frame.Rate, frame.Yield, volatility, time, settings);
        var price = OnBoundary(frame, boundary, european, intrinsic, settings);
        return new AmericanPrice(price, european, price - european);
    }

    /// <summary>
    /// Price and Greeks from one boundary: spot Greeks by Richardson central differences of the premium integral on
    /// that same boundary (the boundary does not depend on spot), vega and rho by central differences of boundaries
    /// re-solved on the same nodes, theta from the Black-Scholes equation, which holds wherever holding is optimal.
    /// </summary>
    public static AmericanGreeks Greeks(OptionType type, double spot, double strike, double time, double rate, double dividendYield, double volatility, AmericanAccuracy? accuracy = null)
    {
        var sign = type == OptionType.Call ? 1.0 : -1.0;
        var intrinsic = Intrinsic(type, spot, strike);
        if (time <= 0)
        {
            return new AmericanGreeks(intrinsic, intrinsic, 0.0, intrinsic > 0 ? sign : 0.0, 0.0, 0.0, 0.0, 0.0);
        }

        var european = BlackScholesMerton.Greeks(type, spot, strike, time, rate, dividendYield, volatility);
        var frame = PutFrame.Of(type, spot, strike, rate, dividendYield);
        switch (frame.Regime)
        {
            case ExerciseRegime.Never:
                return new AmericanGreeks(european.Price, european.Price, 0.0, european.Delta, european.Gamma, european.Theta, european.Vega, european.Rho);
            case ExerciseRegime.Between:
                return FiniteDifferenceAmerican.Greeks(type, spot, strike, time, rate, dividendYield, volatility, [], Checked(accuracy));
        }

        var settings = Checked(accuracy);
        var boundary = ExerciseBoundary.Solve(frame.Rate, frame.Yield, volatility, time, settings);
        return GreeksOnBoundary(frame, boundary, european, intrinsic, spot, rate, dividendYield, volatility, time, settings, settings.FixedPointIterations);
    }

    /// <summary>
    /// Greeks from a boundary already solved at <paramref name="volatility"/> (an implied volatility search's last), for
    /// the <see cref="ExerciseRegime.Below"/> regime. The bumped boundaries start from it, so half the iterations leave
    /// differences as accurate as a full solve's.
    /// </summary>
    internal static AmericanGreeks GreeksOn(ExerciseBoundary boundary, OptionType type, double spot, double strike, double time, double rate, double dividendYield, double volatility, AmericanAccuracy settings)
    {
        var european = BlackScholesMerton.Greeks(type, spot, strike, time, rate, dividendYield, volatility);
        var frame = PutFrame.Of(type, spot, strike, rate, dividendYield);
        return GreeksOnBoundary(frame, boundary, european, Intrinsic(type, spot, strike), spot, rate, dividendYield, volatility, time, settings, Math.Max(2, settings.FixedPointIterations / 2));
    }

    private static AmericanGreeks GreeksOnBoundary(PutFrame frame, ExerciseBoundary boundary, OptionGreeks european, double intrinsic, double spot, double rate, double dividendYield, double volatility, double time, AmericanAccuracy settings, int bumpIterations)
    {
        var points = settings.PremiumQuadraturePointsPerSide;
        var x = frame.Moneyness;
        var today = boundary.Today;
        if (x <= today)
        {
            return new AmericanGreeks(intrinsic, european.Price, intrinsic - european.Price, frame.IsCall ? 1.0 : -1.0, 0.0, 0.0, 0.0, 0.0);
        }

        // The reference's spot step, kept off the exercise boundary where the second derivative jumps.
        var h = x * Math.Min(1e-3, 0.02 * volatility * Math.Sqrt(time));
        h = Math.Min(h, (x - today) / 2.5);
        var p0 = boundary.Premium(x, points);
        var up1 = boundary.Premium(x + h, points);
        var down1 = boundary.Premium(x - h, points);
        var up2 = boundary.Premium(x + (2 * h), points);
        var down2 = boundary.Premium(x - (2 * h), points);
        var slope = ((8.0 * (up1 - down1)) - (up2 - down2)) / (12.0 * h);
        var curvature = ((16.0 * (up1 + down1)) - (up2 + down2) - (30.0 * p0)) / (12.0 * h * h);

        var premium = frame.Scale * p0;
        var price = european.Price + premium;
        var delta = european.Delta + frame.Delta(p0, slope);
        var gamma = european.Gamma + frame.Gamma(curvature, spot);
        var volStep = 1e-3 * volatility;
        var vega = european.Vega + (frame.Scale * (PremiumAt(frame, frame.Rate, frame.Yield, volatility + volStep, time, settings, boundary, bumpIterations)
                                                   - PremiumAt(frame, frame.Rate, frame.Yield, volatility - volStep, time, settings, boundary, bumpIterations)) / (2.0 * volStep));
        var rho = european.Rho + (frame.Scale * RateSlope(frame, volatility, time, settings, boundary, bumpIterations));
        var theta = (rate * price) - ((rate - dividendYield) * spot * delta) - (0.5 * volatility * volatility * spot * spot * gamma);
        return new AmericanGreeks(price, european.Price, premium, delta, gamma, theta, vega, rho);
    }

    /// <summary>
    /// With cash dividends (spot model) the price comes from the finite-difference grid, the European price from the
    /// same grid without early exercise. Dividends outside (0, time) or of zero amount are ignored; with none left this
    /// is the dividend-free price.
    /// </summary>
    public static AmericanPrice Price(OptionType type, double spot, double strike, double time, double rate, double dividendYield, double volatility, ReadOnlySpan<CashDividend> dividends, AmericanAccuracy? accuracy = null)
    {
        var relevant = Relevant(dividends, time);
        return relevant.Length == 0
            ? Price(type, spot, strike, time, rate, dividendYield, volatility, accuracy)
            : FiniteDifferenceAmerican.Price(type, spot, strike, time, rate, dividendYield, volatility, relevant, Checked(accuracy));
    }

    /// <summary>Greeks with cash dividends, from the finite-difference grid (see <see cref="Price(OptionType, double, double, double, double, double, double, ReadOnlySpan{CashDividend}, AmericanAccuracy?)"/>).</summary>
    public static AmericanGreeks Greeks(OptionType type, double spot, double strike, double time, double rate, double dividendYield, double volatility, ReadOnlySpan<CashDividend> dividends, AmericanAccuracy? accuracy = null)
    {
        var relevant = Relevant(dividends, time);
        return relevant.Length == 0
            ? Greeks(type, spot, strike, time, rate, dividendYield, volatility, accuracy)
            : FiniteDifferenceAmerican.Greeks(type, spot, strike, time, rate, dividendYield, volatility, relevant, Checked(accuracy));
    }

    /// <summary>
    /// The price for a search over volatility (no cash dividends): each boundary starts from the previous one, so
    /// after the first full solve half the iterations reach the same accuracy.
    /// </summary>
    internal static double Continued(OptionType type, double spot, double strike, double time, double rate, double dividendYield, double volatility, AmericanAccuracy settings, ref ExerciseBoundary? previous)
    {
        var frame = PutFrame.Of(type, spot, strike, rate, dividendYield);
        if (frame.Regime != ExerciseRegime.Below)
        {
            return Price(type, spot, strike, time, rate, dividendYield, volatility, settings).Price;
        }

        var iterations = previous is null || !previous.Continues(time, settings) ? settings.FixedPointIterations : Math.Max(2, settings.FixedPointIterations / 2);
        previous = ExerciseBoundary.Solve(frame.Rate, frame.Yield, volatility, time, settings, previous, iterations);
        var european = BlackScholesMerton.Price(type, spot, strike, time, rate, dividendYield, volatility);
        return OnBoundary(frame, previous, european, Intrinsic(type, spot, strike), settings);
    }

    internal static double Intrinsic(OptionType type, double spot, double strike) =>
        Math.Max(type == OptionType.Call ? spot - strike : strike - spot, 0.0);

    internal static AmericanAccuracy Checked(AmericanAccuracy? accuracy)
    {
        var settings = accuracy ?? AmericanAccuracy.Default;
        return settings.IsValid ? settings : throw new ArgumentOutOfRangeException(nameof(accuracy), accuracy, "discretisation out of range");
    }

    /// <summary>Intrinsic value where the spot is in the exercise region today, else European plus the premium.</summary>
    private static double OnBoundary(PutFrame frame, ExerciseBoundary boundary, double european, double intrinsic, AmericanAccuracy settings) =>
        frame.Moneyness <= boundary.Today
            ? intrinsic
            : Math.Max(european + (frame.Scale * boundary.Premium(frame.Moneyness, settings.PremiumQuadraturePointsPerSide)), intrinsic);

    /// <summary>Dividends strictly between now and expiry with a positive amount, in ex-date order.</summary>
    private static CashDividend[] Relevant(ReadOnlySpan<CashDividend> dividends, double time)
    {
        var count = 0;
        foreach (var d in dividends)
        {
            count += d.Time > 0 && d.Time < time && d.Amount > 0 ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var relevant = new CashDividend[count];
        count = 0;
        foreach (var d in dividends)
        {
            if (d.Time > 0 && d.Time < time && d.Amount > 0)
            {
                relevant[count++] = d;
            }
        }

        Array.Sort(relevant, static (a, b) => a.Time.CompareTo(b.Time));
        return relevant;
    }

    /// <summary>
    /// Unit-put premium at the frame's moneyness for bumped rates or volatility, zero where exercise never pays. The
    /// bumped boundary starts from the base one: the same iterations then leave far less error, and what is left
    /// changes smoothly with the bump, so differences of it stay accurate.
    /// </summary>
    private static double PremiumAt(PutFrame frame, double rate, double dividendYield, double volatility, double time, AmericanAccuracy settings, ExerciseBoundary start, int iterations) =>
        PutFrame.RegimeOf(rate, dividendYield) == ExerciseRegime.Below
            ? ExerciseBoundary.Solve(rate, dividendYield, volatility, time, settings, start, iterations).Premium(frame.Moneyness, settings.PremiumQuadraturePointsPerSide)
            : 0.0;

    /// <summary>
    /// d(premium)/d(original rate): the put's rate for a put, its yield for a call. Central when both bumps stay in the
    /// regime, otherwise a one-sided three-point difference on the side that does (the premium has a kink where the
    /// regime changes, e.g. at r = 0).
    /// </summary>
    private static double RateSlope(PutFrame frame, double volatility, double time, AmericanAccuracy settings, ExerciseBoundary start, int iterations)
    {
        const double step = 1e-4;
        double At(double shift) => frame.IsCall
            ? PremiumAt(frame, frame.Rate, frame.Yield + shift, volatility, time, settings, start, iterations)
            : PremiumAt(frame, frame.Rate + shift, frame.Yield, volatility, time, settings, start, iterations);
        bool Stays(double shift) => frame.IsCall
            ? PutFrame.RegimeOf(frame.Rate, frame.Yield + shift) == ExerciseRegime.Below
            : PutFrame.RegimeOf(frame.Rate + shift, frame.Yield) == ExerciseRegime.Below;

        if (Stays(step) && Stays(-step))
        {
            return (At(step) - At(-step)) / (2.0 * step);
        }

        var side = Stays(step) ? 1.0 : -1.0;
        return side * ((4.0 * At(side * step)) - At(2.0 * side * step) - (3.0 * At(0.0))) / (2.0 * step);
    }
}
