namespace DeltaStream.Analytics.Pricing;

/// <summary>
/// Black (1976) for European options on a forward or future F, discounted at r. Delta, gamma and their kin
/// are with respect to F; rho is taken with F held fixed (rho = -T V), the convention of futures desks.
/// Dividend rho is zero because the model has no dividend yield.
/// </summary>
public static class Black76
{
    public static double Price(OptionType type, double forward, double strike, double time, double rate, double volatility)
    {
        var sigmaSqrtT = volatility * Math.Sqrt(time);
        var d1 = (Math.Log(forward / strike) / sigmaSqrtT) + (0.5 * sigmaSqrtT);
        var d2 = d1 - sigmaSqrtT;
        var sign = type == OptionType.Call ? 1.0 : -1.0;
        return Math.Exp(-rate * time) * sign * ((forward * NormalDistribution.Cdf(sign * d1)) - (strike * NormalDistribution.Cdf(sign * d2)));
    }

    public static OptionGreeks Greeks(OptionType type, double forward, double strike, double time, double rate, double volatility)
    {
        var sqrtT = Math.Sqrt(time);
        var sigmaSqrtT = volatility * sqrtT;
        var d1 = (Math.Log(forward / strike) / sigmaSqrtT) + (0.5 * sigmaSqrtT);
        var d2 = d1 - sigmaSqrtT;
        var dr = Math.Exp(-rate * time);
        var sign = type == OptionType.Call ? 1.0 : -1.0;
        var nd1 = NormalDistribution.CdfAndPdf(sign * d1, out var pdf);
        var nd2 = NormalDistribution.Cdf(sign * d2);

        var price = dr * sign * ((forward * nd1) - (strike * nd2));
        var delta = sign * dr * nd1;
        var gamma = dr * pdf / (forward * sigmaSqrtT);
        var vega = forward * dr * pdf * sqrtT;
        var theta = (rate * price) - (forward * dr * pdf * volatility / (2.0 * sqrtT));
        var rho = -time * price;
        var vanna = -dr * pdf * d2 / volatility;
        var volga = vega * d1 * d2 / volatility;
        var charm = (sign * rate * dr * nd1) + (dr * pdf * d2 / (2.0 * time));
        var speed = -gamma / forward * ((d1 / sigmaSqrtT) + 1.0);
        var zomma = gamma * ((d1 * d2) - 1.0) / volatility;
        var color = gamma * (rate + ((1.0 - (d1 * d2)) / (2.0 * time)));

        return new OptionGreeks(price, delta, gamma, theta, vega, rho, 0.0, vanna, volga, charm, speed, zomma, color);
    }
}
