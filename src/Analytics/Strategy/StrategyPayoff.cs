using DeltaStream.Analytics.Pricing;

namespace DeltaStream.Analytics.Strategy;

/// <summary>
/// Payoff of a set of European option legs on one expiry. At expiry the P&amp;L is piecewise linear in the underlying
/// with kinks only at the strikes, so breakevens and the extremes are found exactly from the values at 0 and at each
/// strike and the slope beyond the highest strike (the calls' net quantity); before expiry each leg is valued with
/// its own implied volatility.
/// </summary>
public static class StrategyPayoff
{
    /// <summary>Points of each curve: evenly spaced over the range, plus every strike and breakeven inside it.</summary>
    public const int GridPoints = 121;

    public static StrategyPayoffResult Analyse(IReadOnlyList<StrategyLeg> legs, StrategyMarket market)
    {
        ArgumentNullException.ThrowIfNull(legs);
        if (legs.Count == 0)
        {
            throw new ArgumentException("A strategy has at least one leg.", nameof(legs));
        }

        var breakevens = Breakevens(legs);
        var (maxProfit, maxLoss) = Extremes(legs);
        var grid = Grid(legs, market.Spot, breakevens);
        var atExpiry = new PayoffPoint[grid.Length];
        var today = new PayoffPoint[grid.Length];
        for (var i = 0; i < grid.Length; i++)
        {
            atExpiry[i] = new PayoffPoint(grid[i], AtExpiry(legs, grid[i]));
            today[i] = new PayoffPoint(grid[i], Today(legs, market, grid[i]));
        }

        return new StrategyPayoffResult(atExpiry, today, breakevens, maxProfit, maxLoss, NetPremium(legs), Greeks(legs, market));
    }

    /// <summary>Premium paid (positive) or received (negative) to enter.</summary>
    public static double NetPremium(IReadOnlyList<StrategyLeg> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        var total = 0.0;
        foreach (var leg in legs)
        {
            total += leg.Quantity * leg.Premium;
        }

        return total;
    }

    /// <summary>P&amp;L at expiry with the underlying settling at <paramref name="spot"/>.</summary>
    public static double AtExpiry(IReadOnlyList<StrategyLeg> legs, double spot)
    {
        ArgumentNullException.ThrowIfNull(legs);
        var pnl = 0.0;
        foreach (var leg in legs)
        {
            var intrinsic = leg.Type == OptionType.Call ? Math.Max(spot - leg.Strike, 0) : Math.Max(leg.Strike - spot, 0);
            pnl += leg.Quantity * (intrinsic - leg.Premium);
        }

        return pnl;
    }

    /// <summary>P&amp;L now were the underlying at <paramref name="spot"/>, every leg at its own volatility; at or past expiry, the expiry payoff.</summary>
    public static double Today(IReadOnlyList<StrategyLeg> legs, StrategyMarket market, double spot)
    {
        ArgumentNullException.ThrowIfNull(legs);
        if (market.Time <= 0)
        {
            return AtExpiry(legs, spot);
        }

        var level = LevelAt(market, spot);
        var pnl = 0.0;
        foreach (var leg in legs)
        {
            var value = market.PricesOffForward
                ? Black76.Price(leg.Type, level, leg.Strike, market.Time, market.Rate, leg.Volatility)
                : BlackScholesMerton.Price(leg.Type, level, leg.Strike, market.Time, market.Rate, market.DividendYield, leg.Volatility);
            pnl += leg.Quantity * (value - leg.Premium);
        }

        return pnl;
    }

    /// <summary>The position's Greeks at the current level.</summary>
    public static PositionGreeks Greeks(IReadOnlyList<StrategyLeg> legs, StrategyMarket market)
    {
        ArgumentNullException.ThrowIfNull(legs);
        if (market.Time <= 0)
        {
            return default;
        }

        double delta = 0, gamma = 0, theta = 0, vega = 0;
        foreach (var leg in legs)
        {
            var g = market.PricesOffForward
                ? Black76.Greeks(leg.Type, market.Level, leg.Strike, market.Time, market.Rate, leg.Volatility)
                : BlackScholesMerton.Greeks(leg.Type, market.Level, leg.Strike, market.Time, market.Rate, market.DividendYield, leg.Volatility);
            delta += leg.Quantity * g.Delta;
            gamma += leg.Quantity * g.Gamma;
            theta += leg.Quantity * g.ThetaPerDay;
            vega += leg.Quantity * g.VegaPerPoint;
        }

        return new PositionGreeks(delta, gamma, theta, vega);
    }

    /// <summary>Every underlying level at expiry where the P&amp;L is zero, ascending.</summary>
    public static IReadOnlyList<double> Breakevens(IReadOnlyList<StrategyLeg> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        var kinks = Kinks(legs);
        var values = kinks.Select(k => AtExpiry(legs, k)).ToArray();
        var zero = ZeroTolerance(legs);
        var found = new List<double>();
        for (var i = 0; i < kinks.Length; i++)
        {
            if (Math.Abs(values[i]) <= zero)
            {
                Add(found, kinks[i]);
            }
            else if (i + 1 < kinks.Length && Math.Abs(values[i + 1]) > zero && Math.Sign(values[i]) != Math.Sign(values[i + 1]))
            {
                Add(found, kinks[i] + ((kinks[i + 1] - kinks[i]) * values[i] / (values[i] - values[i + 1])));
            }
        }

        var slope = SlopeAboveStrikes(legs);
        var last = values[^1];
        if (slope != 0 && Math.Abs(last) > zero && Math.Sign(last) != Math.Sign(slope))
        {
            Add(found, kinks[^1] - (last / slope));
        }

        return found;
    }

    /// <summary>The highest and lowest P&amp;L at expiry over every level from zero up; null where unbounded.</summary>
    public static (double? MaxProfit, double? MaxLoss) Extremes(IReadOnlyList<StrategyLeg> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        var values = Kinks(legs).Select(k => AtExpiry(legs, k)).ToArray();
        var slope = SlopeAboveStrikes(legs);
        double? max = slope > 0 ? null : values.Max();
        double? min = slope < 0 ? null : values.Min();
        return (max, min);
    }

    /// <summary>
    /// Levels the curves are drawn at: from the lower of 85% of spot and 95% of the lowest strike to the higher of
    /// 115% of spot and 105% of the highest strike, evenly, with the strikes and breakevens themselves added.
    /// </summary>
    public static double[] Grid(IReadOnlyList<StrategyLeg> legs, double spot, IReadOnlyList<double> breakevens)
    {
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentNullException.ThrowIfNull(breakevens);
        var low = Math.Max(0, Math.Min(0.85 * spot, 0.95 * legs.Min(l => l.Strike)));
        var high = Math.Max(1.15 * spot, 1.05 * legs.Max(l => l.Strike));
        var points = new SortedSet<double>();
        for (var i = 0; i < GridPoints; i++)
        {
            points.Add(low + ((high - low) * i / (GridPoints - 1)));
        }

        foreach (var level in legs.Select(l => l.Strike).Concat(breakevens).Where(x => x > low && x < high))
        {
            points.Add(level);
        }

        return [.. points];
    }

    /// <summary>Zero and every distinct strike, ascending: the payoff at expiry is linear between them.</summary>
    private static double[] Kinks(IReadOnlyList<StrategyLeg> legs) => [0.0, .. legs.Select(l => l.Strike).Where(k => k > 0).Distinct().Order()];

    /// <summary>d(P&amp;L)/dS beyond every strike: only the calls are still in the money there.</summary>
    private static double SlopeAboveStrikes(IReadOnlyList<StrategyLeg> legs) => legs.Where(l => l.Type == OptionType.Call).Sum(l => l.Quantity);

    /// <summary>Rounding noise of sums of premiums and strikes, below which a P&amp;L counts as zero.</summary>
    private static double ZeroTolerance(IReadOnlyList<StrategyLeg> legs) =>
        1e-12 * legs.Sum(l => Math.Abs(l.Quantity) * (l.Strike + l.Premium));

    private static void Add(List<double> found, double level)
    {
        if (found.Count == 0 || level > found[^1])
        {
            found.Add(level);
        }
    }

    private static double LevelAt(StrategyMarket market, double spot) =>
        market.PricesOffForward && market.Spot > 0 ? spot * (market.Forward / market.Spot) : spot;
}
