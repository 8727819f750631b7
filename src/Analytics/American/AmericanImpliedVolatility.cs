using DeltaStream.Analytics.Pricing;
using DeltaStream.Analytics.Volatility;

namespace DeltaStream.Analytics.American;

/// <summary>
/// Implied volatility from an American price, with the statuses of the European solver. BelowIntrinsic means below
/// the American lower bound: intrinsic value, or, where carry makes holding worth more than exercising even without
/// volatility, the zero-volatility value. AboveMaximum means at or above the largest value any volatility gives
/// (the strike for a put, the spot for a call, or their forwards when rates make those larger). AtIntrinsic is a price
/// equal to that lower bound: for an option deep enough in the money every volatility low enough to make immediate
/// exercise optimal reproduces it.
/// An initial guess, such as the previous IV of the same option, saves price evaluations; it never changes the root.
/// </summary>
public static class AmericanImpliedVolatility
{
    private const double MinVolatility = 1e-4;
    private const double MaxVolatility = 20.0;
    private const int MaxEvaluations = 60;

    public static ImpliedVolatilityResult FromPrice(OptionType type, double price, double spot, double strike, double time, double rate, double dividendYield, double initialGuess = double.NaN, AmericanAccuracy? accuracy = null) =>
        FromPrice(type, price, spot, strike, time, rate, dividendYield, [], initialGuess, accuracy);

    public static ImpliedVolatilityResult FromPrice(OptionType type, double price, double spot, double strike, double time, double rate, double dividendYield, ReadOnlySpan<CashDividend> dividends, double initialGuess = double.NaN, AmericanAccuracy? accuracy = null) =>
        Search(type, price, spot, strike, time, rate, dividendYield, dividends, initialGuess, accuracy, null, out _);

    /// <summary>
    /// The implied volatility and the Greeks at it, as a chain values each quote. Without cash dividends the Greeks come
    /// from the search's last exercise boundary, not a new solve, and their bumped boundaries start from it.
    /// </summary>
    public static AmericanImpliedGreeks WithGreeks(OptionType type, double price, double spot, double strike, double time, double rate, double dividendYield, ReadOnlySpan<CashDividend> dividends, double initialGuess = double.NaN, AmericanAccuracy? accuracy = null) =>
        WithGreeks(type, price, spot, strike, time, rate, dividendYield, dividends, new AmericanWarmStart(), initialGuess, accuracy);

    /// <summary>
    /// <see cref="WithGreeks(OptionType, double, double, double, double, double, double, ReadOnlySpan{CashDividend}, double, AmericanAccuracy?)"/>
    /// for an option valued again and again (a chain's quote): it starts from what <paramref name="warm"/> kept of the
    /// last call and keeps this one's boundary and vega there. The initial guess is then best the last IV.
    /// </summary>
    public static AmericanImpliedGreeks WithGreeks(OptionType type, double price, double spot, double strike, double time, double rate, double dividendYield, ReadOnlySpan<CashDividend> dividends, AmericanWarmStart warm, double initialGuess = double.NaN, AmericanAccuracy? accuracy = null)
    {
        ArgumentNullException.ThrowIfNull(warm);
        var iv = Search(type, price, spot, strike, time, rate, dividendYield, dividends, initialGuess, accuracy, warm, out var boundary);
        if (!iv.IsOk)
        {
            warm.Keep(type, rate, dividendYield, null, double.NaN);
            return new AmericanImpliedGreeks(iv, default);
        }

        var greeks = boundary is null
            ? AmericanOption.Greeks(type, spot, strike, time, rate, dividendYield, iv.Volatility, dividends, accuracy)
            : AmericanOption.GreeksOn(boundary, type, spot, strike, time, rate, dividendYield, iv.Volatility, AmericanOption.Checked(accuracy));
        warm.Keep(type, rate, dividendYield, boundary, greeks.Vega);
        return new AmericanImpliedGreeks(iv, greeks);
    }

    /// <summary>The search; <paramref name="boundary"/> is the exercise boundary of its last price evaluation when the fixed-point method priced it.</summary>
    private static ImpliedVolatilityResult Search(OptionType type, double price, double spot, double strike, double time, double rate, double dividendYield, ReadOnlySpan<CashDividend> dividends, double initialGuess, AmericanAccuracy? accuracy, AmericanWarmStart? warm, out ExerciseBoundary? boundary)
    {
        boundary = null;
        if (!double.IsFinite(price) || !double.IsFinite(spot) || !double.IsFinite(strike) || !double.IsFinite(time)
            || !double.IsFinite(rate) || !double.IsFinite(dividendYield) || spot <= 0 || strike <= 0)
        {
            return ImpliedVolatilityResult.Of(ImpliedVolatilityStatus.InvalidInput);
        }

        if (time <= 0)
        {
            return ImpliedVolatilityResult.Of(ImpliedVolatilityStatus.Expired);
        }

        var intrinsic = AmericanOption.Intrinsic(type, spot, strike);
        var lower = dividends.IsEmpty ? ZeroVolatilityValue(type, spot, strike, time, rate, dividendYield) : intrinsic;
        var upper = type == OptionType.Call ? spot * Math.Max(1.0, Math.Exp(-dividendYield * time)) : strike * Math.Max(1.0, Math.Exp(-rate * time));
        if (price < lower)
        {
            return ImpliedVolatilityResult.Of(ImpliedVolatilityStatus.BelowIntrinsic);
        }

        if (price >= upper)
        {
            return ImpliedVolatilityResult.Of(ImpliedVolatilityStatus.AboveMaximum);
        }

        if (price == lower)
        {
            return ImpliedVolatilityResult.Of(ImpliedVolatilityStatus.AtIntrinsic);
        }

        var settings = AmericanOption.Checked(accuracy);
        var cash = dividends.ToArray();
        var start = cash.Length == 0 ? warm?.For(type, rate, dividendYield) : null;
        ExerciseBoundary? last = start;
        double Excess(double volatility) => (cash.Length == 0
            ? AmericanOption.Continued(type, spot, strike, time, rate, dividendYield, volatility, settings, ref last)
            : AmericanOption.Price(type, spot, strike, time, rate, dividendYield, volatility, cash, settings).Price) - price;

        // Secant steps kept inside a bracket once one is known (bisection when a step leaves it); the first step uses
        // the last American vega when warm, else the European vega, which is close to it. The price increases with volatility.
        var scale = Math.Max(spot, strike);
        double low = MinVolatility, high = MaxVolatility;
        bool hasLow = false, hasHigh = false;
        var x0 = StartingPoint(type, price, spot, strike, time, rate, dividendYield, initialGuess);
        var f0 = Excess(x0);
        var slope = start is not null && warm!.Vega > 0 ? warm.Vega : BlackScholesMerton.Greeks(type, spot, strike, time, rate, dividendYield, x0).Vega;
        for (var evaluation = 1; evaluation < MaxEvaluations; evaluation++)
        {
            if (Math.Abs(f0) <= 1e-13 * scale)
            {
                boundary = last;
                return new ImpliedVolatilityResult(ImpliedVolatilityStatus.Ok, x0);
            }

            if (f0 < 0)
            {
                (low, hasLow) = (x0, true);
            }
            else
            {
                (high, hasHigh) = (x0, true);
            }

            var x1 = slope > 0 ? x0 - (f0 / slope) : double.NaN;
            if (!(x1 > low && x1 < high))
            {
                // Outside the bracket: bisect it, or widen towards the side not seen yet.
                x1 = hasLow && hasHigh ? 0.5 * (low + high) : hasLow ? Math.Min(2.0 * x0, high) : Math.Max(0.5 * x0, low);
            }

            // The step estimates the remaining error; 1e-8 is a hundredth of the finest tolerance the reference asks.
            if (Math.Abs(x1 - x0) <= 1e-8 * Math.Max(1.0, x0))
            {
                boundary = last;
                return new ImpliedVolatilityResult(ImpliedVolatilityStatus.Ok, x1);
            }

            var f1 = Excess(x1);
            slope = (f1 - f0) / (x1 - x0);
            (x0, f0) = (x1, f1);
            if ((x0 <= MinVolatility && f0 > 0) || (x0 >= MaxVolatility && f0 < 0))
            {
                // Even the extreme volatilities miss the price (cash dividends, where the bounds above are loose).
                return ImpliedVolatilityResult.Of(f0 > 0 ? ImpliedVolatilityStatus.BelowIntrinsic : ImpliedVolatilityStatus.AboveMaximum);
            }
        }

        boundary = last;
        return hasLow && hasHigh
            ? new ImpliedVolatilityResult(ImpliedVolatilityStatus.Ok, x0)
            : ImpliedVolatilityResult.Of(hasLow ? ImpliedVolatilityStatus.AboveMaximum : ImpliedVolatilityStatus.BelowIntrinsic);
    }

    /// <summary>The caller's guess when usable, else the European implied volatility of the same price, else 0.3.</summary>
    private static double StartingPoint(OptionType type, double price, double spot, double strike, double time, double rate, double dividendYield, double initialGuess)
    {
        if (initialGuess is > MinVolatility and < MaxVolatility)
        {
            return initialGuess;
        }

        var european = ImpliedVolatility.FromSpot(type, price, spot, strike, time, rate, dividendYield);
        return european.IsOk ? Math.Clamp(european.Volatility, 0.01, 5.0) : 0.3;
    }

    /// <summary>
    /// The American value as volatility goes to zero: the best deterministic exercise time of
    /// e^{-rt} payoff(S e^{(r-q)t}), at now, expiry, or where r K e^{-rt} = q S e^{-qt}.
    /// </summary>
    private static double ZeroVolatilityValue(OptionType type, double spot, double strike, double time, double rate, double dividendYield)
    {
        var sign = type == OptionType.Call ? 1.0 : -1.0;
        double At(double t) => Math.Max(sign * ((spot * Math.Exp(-dividendYield * t)) - (strike * Math.Exp(-rate * t))), 0.0);
        var best = Math.Max(At(0.0), At(time));
        var ratio = dividendYield * spot / (rate * strike);
        if (rate != dividendYield && ratio > 0)
        {
            var stationary = Math.Log(ratio) / (dividendYield - rate);
            if (stationary > 0 && stationary < time)
            {
                best = Math.Max(best, At(stationary));
            }
        }

        return best;
    }
}
