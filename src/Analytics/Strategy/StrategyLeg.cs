namespace DeltaStream.Analytics.Strategy;

/// <summary>
/// One leg of an option strategy. <paramref name="Quantity"/> is signed units of the underlying (lots x lot size;
/// positive bought, negative sold); <paramref name="Premium"/> is the price per unit paid or received on entry;
/// <paramref name="Volatility"/> the implied volatility its value before expiry is taken at.
/// </summary>
public readonly record struct StrategyLeg(OptionType Type, double Strike, double Quantity, double Premium, double Volatility);
