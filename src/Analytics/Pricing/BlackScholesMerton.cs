namespace DeltaStream.Analytics.Pricing;

/// <summary>
/// Black-Scholes-Merton for European options on a spot paying a continuous dividend yield q.
/// Inputs must be finite with spot, strike, time and volatility positive; <see cref="PricingInputs"/> checks that
/// for callers that take untrusted input.
/// </summary>
public static class BlackScholesMerton
{
    public static double Price(OptionType type, double spot, double strike, double time, double rate, double dividendYield, double volatility)
    {
        var sqrtT = Math.Sqrt(time);
        var sigmaSqrtT = volatility * sqrtT;
        var d1 = (Math.Log(spot / strike) + ((rate - dividendYield) * time)) / sigmaSqrtT + (0.5 * sigmaSqrtT);
        var d2 = d1 - sigmaSqrtT;
        var spotDiscounted = spot * Math.Exp(-dividendYield * time);
        var strikeDiscounted = strike * Math.Exp(-rate * time);
        return type == OptionType.Call
            ? (spotDiscounted * NormalDistribution.Cdf(d1)) - (strikeDiscounted * NormalDistribution.Cdf(d2))
            : (strikeDiscounted * NormalDistribution.Cdf(-d2)) - (spotDiscounted * NormalDistribution.Cdf(-d1));
    }

    /// <summary>Gamma alone (the same for calls and puts), for re-evaluating exposure over a grid of spots.</summary>
    public static double Gamma(double spot, double strike, double time, double rate, double dividendYield, double volatility)
    {
        var sigmaSqrtT = volatility * Math.Sqrt(time);
        var d1 = (Math.Log(spot / strike) + ((rate - dividendYield) * time)) / sigmaSqrtT + (0.5 * sigmaSqrtT);
        return Math.Exp(-dividendYield * time) * NormalDistribution.Pdf(d1) / (spot * sigmaSqrtT);
    }

    public static OptionGreeks Greeks(OptionType type, double spot, double strike, double time, double rate, double dividendYield, double volatility)
    {
        var sqrtT = Math.Sqrt(time);
        var sigmaSqrtT = volatility * sqrtT;
        var d1 = (Math.Log(spot / strike) + ((rate - dividendYield) * time)) / sigmaSqrtT + (0.5 * sigmaSqrtT);
        var d2 = d1 - sigmaSqrtT;
        var dq = Math.Exp(-dividendYield * time);
        var dr = Math.Exp(-rate * time);
        var sign = type == OptionType.Call ? 1.0 : -1.0;
        var nd1 = NormalDistribution.CdfAndPdf(sign * d1, out var pdf);
        var nd2 = NormalDistribution.Cdf(sign * d2);

        var price = sign * ((spot * dq * nd1) - (strike * dr * nd2));
        var delta = sign * dq * nd1;
        var gamma = dq * pdf / (spot * sigmaSqrtT);
        var vega = spot * dq * pdf * sqrtT;
        var theta = (-spot * dq * pdf * volatility / (2.0 * sqrtT))
                    - (sign * rate * strike * dr * nd2)
                    + (sign * dividendYield * spot * dq * nd1);
        var rho = sign * strike * time * dr * nd2;
        var dividendRho = -sign * spot * time * dq * nd1;
        var vanna = -dq * pdf * d2 / volatility;
        var volga = vega * d1 * d2 / volatility;
        // d(delta)/dt: the carry term plus the drift of d1 as time passes.
        var d1Drift = ((2.0 * (rate - dividendYield) * time) - (d2 * sigmaSqrtT)) / (2.0 * time * sigmaSqrtT);
        var charm = (sign * dividendYield * dq * nd1) - (dq * pdf * d1Drift);
        var speed = -gamma / spot * ((d1 / sigmaSqrtT) + 1.0);
        var zomma = gamma * ((d1 * d2) - 1.0) / volatility;
        // color = d(gamma)/dt (calendar time passing), the sign of the reference file.
        var color = gamma / (2.0 * time) * ((2.0 * dividendYield * time) + 1.0 + (2.0 * (rate - dividendYield) * time - d2 * sigmaSqrtT) / sigmaSqrtT * d1);

        return new OptionGreeks(price, delta, gamma, theta, vega, rho, dividendRho, vanna, volga, charm, speed, zomma, color);
    }
}
