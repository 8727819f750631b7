using DeltaStream.Instruments;

namespace DeltaStream.Snapshots;

/// <summary>
/// The whole chain at one instant. <see cref="TimeToExpiry"/> is years at <see cref="UpdatedAt"/> in the chain's
/// <see cref="TimeBasis"/> (ACT/365 unless the instrument chose trading time), so a
/// client can recompute every number from spot, rate, dividend yield and iv. <see cref="Epoch"/> names the
/// activation of the chain's publisher (it changes on reactivation, move and recovery); <see cref="Sequence"/>
/// is the number of the last update within it; the next <see cref="ChainUpdate"/> carries Sequence + 1. A chain whose
/// expiry has settled says <see cref="ChainLifecycle.Settled"/> with its <see cref="Settlement"/>; its quotes are final.
/// <see cref="Exercise"/> is the instrument's exercise style.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record ChainSnapshot(
    string Symbol,
    DateOnly Expiry,
    double? Spot,
    double? Forward,
    double Rate,
    double DividendYield,
    PricingModel Model,
    double TimeToExpiry,
    DateTime UpdatedAt,
    long Epoch,
    long Sequence,
    ChainAnalytics Analytics,
    IReadOnlyList<StrikeRow> Strikes,
    ChainLifecycle Status = ChainLifecycle.Live,
    ChainSettlement? Settlement = null,
    TimeBasis TimeBasis = TimeBasis.Act365,
    ExerciseStyle Exercise = ExerciseStyle.European);
