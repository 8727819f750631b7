namespace DeltaStream.Analytics.Volatility;

/// <summary>
/// Implied volatility for European options under BSM (spot, continuous dividend yield) or Black-76 (forward).
/// Both reduce to the undiscounted Black problem on the forward, solved by <see cref="NormalisedBlackSolver"/>.
/// Bounds are the discounted ones: a call lies in [max(S e^-qT - K e^-rT, 0), S e^-qT), a put in
/// [max(K e^-rT - S e^-qT, 0), K e^-rT). No input throws or hangs; every failure is a status.
/// An optional initial guess (such as the option's previous IV) shortens the iteration; it never changes the root.
/// </summary>
public static class ImpliedVolatility
{
    public static ImpliedVolatilityResult FromSpot(OptionType type, double price, double spot, double strike, double time, double rate, double dividendYield, double initialGuess = double.NaN)
    {
        if (!double.IsFinite(price) || !double.IsFinite(spot) || !double.IsFinite(strike) || !double.IsFinite(time)
            || !double.IsFinite(rate) || !double.IsFinite(dividendYield) || spot <= 0 || strike <= 0)
        {
            return ImpliedVolatilityResult.Of(ImpliedVolatilityStatus.InvalidInput);
        }

        if (time <= 0)
        {
            return ImpliedVolatilityResult.Of(ImpliedVolatilityStatus.Expired);
        }

        var discount = Math.Exp(-rate * time);
        return Solve(type, price, spot * Math.Exp(-dividendYield * time), strike * discount, discount, time, initialGuess);
    }

    public static ImpliedVolatilityResult FromForward(OptionType type, double price, double forward, double strike, double time, double rate, double initialGuess = double.NaN)
    {
        if (!double.IsFinite(price) || !double.IsFinite(forward) || !double.IsFinite(strike) || !double.IsFinite(time)
            || !double.IsFinite(rate) || forward <= 0 || strike <= 0)
        {
            return ImpliedVolatilityResult.Of(ImpliedVolatilityStatus.InvalidInput);
        }

        if (time <= 0)
        {
            return ImpliedVolatilityResult.Of(ImpliedVolatilityStatus.Expired);
        }

        var discount = Math.Exp(-rate * time);
        return Solve(type, price, forward * discount, strike * discount, discount, time, initialGuess);
    }

    /// <param name="discountedForward">F e^-rT (= S e^-qT under BSM).</param>
    /// <param name="discountedStrike">K e^-rT.</param>
    private static ImpliedVolatilityResult Solve(OptionType type, double price, double discountedForward, double discountedStrike, double discount, double time, double initialGuess)
    {
        var isCall = type == OptionType.Call;
        var parity = isCall ? discountedForward - discountedStrike : discountedStrike - discountedForward;
        var lower = Math.Max(parity, 0.0);
        var upper = isCall ? discountedForward : discountedStrike;

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

        // The time value equals the out-of-the-money option's price (put-call parity), which is what the
        // normalised solver inverts; it is computed before undiscounting so no digit is lost twice.
        var timeValue = (price - lower) / discount;
        var forward = discountedForward / discount;
        var strike = discountedStrike / discount;
        var logMoneyness = Math.Log(forward / strike);
        var normalisedPrice = timeValue / Math.Sqrt(forward * strike);
        var sqrtT = Math.Sqrt(time);
        var totalVolatility = NormalisedBlackSolver.Solve(-Math.Abs(logMoneyness), normalisedPrice, initialGuess * sqrtT);
        return totalVolatility switch
        {
            double.PositiveInfinity => ImpliedVolatilityResult.Of(ImpliedVolatilityStatus.AboveMaximum),
            <= 0.0 => ImpliedVolatilityResult.Of(ImpliedVolatilityStatus.AtIntrinsic),
            _ => new ImpliedVolatilityResult(ImpliedVolatilityStatus.Ok, totalVolatility / sqrtT),
        };
    }
}
