namespace DeltaStream.Analytics.Pricing;

/// <summary>European put-call parity with a continuous dividend yield: C - P = S e^-qT - K e^-rT.</summary>
public static class PutCallParity
{
    public static double CallMinusPut(double spot, double strike, double time, double rate, double dividendYield) =>
        (spot * Math.Exp(-dividendYield * time)) - (strike * Math.Exp(-rate * time));

    /// <summary>The forward implied by a call and a put of the same strike: F = K + (C - P) e^rT.</summary>
    public static double ImpliedForward(double callPrice, double putPrice, double strike, double time, double rate) =>
        strike + ((callPrice - putPrice) * Math.Exp(rate * time));
}
