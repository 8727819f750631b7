using DeltaStream.Ticks;

namespace DeltaStream.Grains.Chains;

/// <summary>The checks every tick passes before it touches state, whatever path it arrived by.</summary>
internal static class TickValidation
{
    public static bool IsValid(in UnderlyingTick tick) =>
        double.IsFinite(tick.Price) && tick.Price > 0 && tick.Volume >= 0;

    public static bool IsValid(in OptionTick tick) =>
        double.IsFinite(tick.Strike) && tick.Strike > 0
        && double.IsFinite(tick.Bid) && tick.Bid >= 0
        && double.IsFinite(tick.Ask) && tick.Ask >= 0
        && double.IsFinite(tick.Last) && tick.Last >= 0
        && (tick.Ask == 0 || tick.Bid <= tick.Ask)
        && tick.Volume >= 0 && tick.OpenInterest >= 0;
}
