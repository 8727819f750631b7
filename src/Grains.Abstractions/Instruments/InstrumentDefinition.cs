using System.ComponentModel.DataAnnotations;
using DeltaStream.Snapshots;

namespace DeltaStream.Instruments;

/// <summary>
/// Reference data of one underlying and its option listing, bound from configuration
/// (DeltaStream:Instruments:N:...). The volatility fields shape the synthetic feed only.
/// </summary>
public sealed class InstrumentDefinition
{
    [Required, RegularExpression("^[A-Z0-9._-]{1,32}$", ErrorMessage = "Symbol must be 1-32 upper-case letters, digits, '.', '_' or '-'.")]
    public string Symbol { get; set; } = "";

    [Required, StringLength(3, MinimumLength = 3)]
    public string Currency { get; set; } = "USD";

    [Range(1e-6, 1e9)]
    public double BasePrice { get; set; }

    [Range(1e-6, 1e9)]
    public double StrikeStep { get; set; }

    /// <summary>Price increment of option quotes.</summary>
    [Range(1e-6, 1e6)]
    public double TickSize { get; set; } = 0.01;

    [Range(1, 1_000_000)]
    public int LotSize { get; set; } = 1;

    [Range(-0.5, 1.0)]
    public double Rate { get; set; }

    [Range(-0.5, 1.0)]
    public double DividendYield { get; set; }

    /// <summary>
    /// Bsm: IV and Greeks from spot, rate and dividend yield. Black76: from the forward implied by put-call
    /// parity on the at-the-money pair, the convention for index options that trade against futures.
    /// </summary>
    public PricingModel Model { get; set; } = PricingModel.Bsm;

    /// <summary>
    /// European: IV and Greeks by <see cref="Model"/>. American: by the American engine from spot, rate, dividend yield
    /// and <see cref="Dividends"/> (the chain's model is then <see cref="PricingModel.AmericanFp"/>); needs Model Bsm.
    /// </summary>
    public ExerciseStyle Exercise { get; set; } = ExerciseStyle.European;

    /// <summary>Discrete cash dividends; the American engine values those ex-dated before an expiry's settlement.</summary>
    public List<DividendDefinition> Dividends { get; set; } = [];

    [Range(0.01, 5.0)]
    public double AtmVolatility { get; set; } = 0.2;

    /// <summary>The exchange calendar (NSE, BSE, US, or a configured one) whose sessions and holidays apply.</summary>
    [Required]
    public string Market { get; set; } = "US";

    /// <summary>The expiry series listed: the sorted union of each rule's upcoming expiries. At least one rule.</summary>
    public List<ExpiryRuleDefinition> Expiries { get; set; } = [];

    public TimeBasis TimeBasis { get; set; } = TimeBasis.Act365;

    /// <summary>Strikes listed on each side of the at-the-money strike (21 strikes at 10).</summary>
    [Range(1, 500)]
    public int StrikesEachSide { get; set; } = 15;

    /// <summary>
    /// The strike ladder: strikes listed on each side of the base price's strike (<see cref="ListedStrikes"/>); at
    /// least <see cref="StrikesEachSide"/>. A tick at a strike outside it is refused.
    /// </summary>
    [Range(1, 5000)]
    public int LadderStrikesEachSide { get; set; } = 200;

    /// <summary>
    /// IANA time zone of the exchange, the same as its <see cref="Market"/>'s; expiries settle at <see cref="SettlementTime"/>
    /// local time, or at the early close on an early-close day.
    /// </summary>
    [Required]
    public string TimeZone { get; set; } = "America/New_York";

    public TimeOnly SettlementTime { get; set; } = new(16, 0);
}
