using DeltaStream.Analytics.Pricing;

namespace DeltaStream.Analytics.American;

/// <summary>
/// Finite-difference American (and European) prices under the spot model of cash dividends: at each ex-date the
/// value before it is the value after it at S - D, and early exercise is checked right before the drop. Crank-Nicolson
/// on a sinh grid concentrated at the strike; the first two steps after expiry and after each ex-date, where the
/// solution has a kink, are implicit Euler in half steps (Rannacher). Richardson extrapolation over a grid refined 2x
/// in time and spot.
/// </summary>
internal static class FiniteDifferenceAmerican
{
    public static AmericanPrice Price(OptionType type, double spot, double strike, double time, double rate, double dividendYield, double volatility, ReadOnlySpan<CashDividend> dividends, AmericanAccuracy accuracy)
    {
        var layout = Layout.Of(spot, strike, time, volatility, accuracy);
        var american = Extrapolated(type, spot, strike, time, rate, dividendYield, volatility, dividends, layout, true).Value;
        var european = dividends.IsEmpty
            ? BlackScholesMerton.Price(type, spot, strike, time, rate, dividendYield, volatility)
            : Extrapolated(type, spot, strike, time, rate, dividendYield, volatility, dividends, layout, false).Value;
        var price = Math.Max(american, AmericanOption.Intrinsic(type, spot, strike));
        return new AmericanPrice(price, european, price - european);
    }

    /// <summary>
    /// Delta and gamma from the extrapolated grid, theta from the Black-Scholes equation (valid between ex-dates where
    /// holding is optimal), vega and rho by central differences of extrapolated prices on the same grid.
    /// </summary>
    public static AmericanGreeks Greeks(OptionType type, double spot, double strike, double time, double rate, double dividendYield, double volatility, ReadOnlySpan<CashDividend> dividends, AmericanAccuracy accuracy)
    {
        var layout = Layout.Of(spot, strike, time, volatility, accuracy);
        var (value, delta, gamma) = Extrapolated(type, spot, strike, time, rate, dividendYield, volatility, dividends, layout, true);
        var european = dividends.IsEmpty
            ? BlackScholesMerton.Price(type, spot, strike, time, rate, dividendYield, volatility)
            : Extrapolated(type, spot, strike, time, rate, dividendYield, volatility, dividends, layout, false).Value;
        var intrinsic = AmericanOption.Intrinsic(type, spot, strike);
        if (value <= intrinsic + (1e-9 * strike))
        {
            return new AmericanGreeks(intrinsic, european, intrinsic - european, type == OptionType.Call ? 1.0 : -1.0, 0.0, 0.0, 0.0, 0.0);
        }

        var volStep = 0.01 * volatility;
        var vega = (Extrapolated(type, spot, strike, time, rate, dividendYield, volatility + volStep, dividends, layout, true).Value
                    - Extrapolated(type, spot, strike, time, rate, dividendYield, volatility - volStep, dividends, layout, true).Value) / (2.0 * volStep);
        const double rateStep = 1e-3;
        var rho = (Extrapolated(type, spot, strike, time, rate + rateStep, dividendYield, volatility, dividends, layout, true).Value
                   - Extrapolated(type, spot, strike, time, rate - rateStep, dividendYield, volatility, dividends, layout, true).Value) / (2.0 * rateStep);
        var theta = (rate * value) - ((rate - dividendYield) * spot * delta) - (0.5 * volatility * volatility * spot * spot * gamma);
        return new AmericanGreeks(value, european, value - european, delta, gamma, theta, vega, rho);
    }

    /// <summary>(4 fine - coarse) / 3: the scheme is second order in both steps once Rannacher has damped the kinks.</summary>
    private static (double Value, double Delta, double Gamma) Extrapolated(OptionType type, double spot, double strike, double time, double rate, double dividendYield, double volatility, ReadOnlySpan<CashDividend> dividends, Layout layout, bool american)
    {
        var coarse = Solve(type, spot, strike, time, rate, dividendYield, volatility, dividends, layout, 1, american);
        var fine = Solve(type, spot, strike, time, rate, dividendYield, volatility, dividends, layout, 2, american);
        return (((4.0 * fine.Value) - coarse.Value) / 3.0, ((4.0 * fine.Slope) - coarse.Slope) / 3.0, ((4.0 * fine.Curvature) - coarse.Curvature) / 3.0);
    }

    private static (double Value, double Slope, double Curvature) Solve(OptionType type, double spot, double strike, double time, double rate, double dividendYield, double volatility, ReadOnlySpan<CashDividend> dividends, Layout layout, int refinement, bool american)
    {
        var grid = new SpotGrid(strike, layout.Top, layout.Concentration, layout.SpotSteps, refinement);
        var nodes = grid.Nodes;
        var payoff = new double[nodes.Length];
        for (var j = 0; j < nodes.Length; j++)
        {
            payoff[j] = AmericanOption.Intrinsic(type, nodes[j], strike);
        }

        var values = (double[])payoff.Clone();
        var shifted = new double[nodes.Length];
        var stepper = new ThetaSchemeStepper(grid, rate, dividendYield, volatility);
        var segmentStart = 0.0;
        // Ex-dates in time to expiry, nearest to expiry first: tau = T - t.
        for (var d = dividends.Length - 1; d >= -1; d--)
        {
            var eventTau = d >= 0 ? time - dividends[d].Time : time;
            if (d >= 0 && (dividends[d].Time <= 0 || eventTau <= 0))
            {
                continue;
            }

            var length = eventTau - segmentStart;
            var steps = Math.Max(2, (int)Math.Ceiling(layout.TimeSteps * length / time)) * refinement;
            var dt = length / steps;
            for (var k = 0; k < steps; k++)
            {
                if (k < 2)
                {
                    stepper.Step(values, 0.5 * dt, 1.0, payoff, american);
                    stepper.Step(values, 0.5 * dt, 1.0, payoff, american);
                }
                else
                {
                    stepper.Step(values, dt, 0.5, payoff, american);
                }
            }

            segmentStart = eventTau;
            if (d >= 0)
            {
                var amount = dividends[d].Amount;
                for (var j = 0; j < nodes.Length; j++)
                {
                    var after = grid.Interpolate(values, Math.Max(nodes[j] - amount, 0.0)).Value;
                    shifted[j] = american ? Math.Max(after, payoff[j]) : after;
                }

                (values, shifted) = (shifted, values);
            }
        }

        return grid.Interpolate(values, spot);
    }

    /// <summary>Grid shape from the base inputs, held fixed while vega and rho bump them.</summary>
    private readonly record struct Layout(double Top, double Concentration, int SpotSteps, int TimeSteps)
    {
        public static Layout Of(double spot, double strike, double time, double volatility, AmericanAccuracy accuracy)
        {
            var spread = volatility * Math.Sqrt(time);
            var top = Math.Max(spot, strike) * Math.Exp(Math.Max(6.0 * spread, 0.5));
            var concentration = strike * Math.Clamp(0.5 * spread, 0.02, 0.5);
            return new Layout(top, concentration, accuracy.GridSpotSteps, accuracy.GridTimeSteps);
        }
    }
}
