namespace DeltaStream.Analytics.Insights;

/// <summary>
/// The rules of the market pulse, one method each, in the order they are listed. Thresholds are the conventional
/// readings (docs/insights.md). A rule whose inputs are missing gives a signal with value null, direction neutral
/// and weight 0, saying what is missing.
/// </summary>
public static class PulseRules
{
    public const double PcrBullish = 1.2;
    public const double PcrBearish = 0.8;
    public const double PcrChangeThreshold = 0.1;
    public const double MaxPainThresholdPct = 1.0;
    public const double IvRangeMinimum = 0.005;
    public const double IvRangeHigh = 0.8;
    public const double IvRangeLow = 0.2;
    public const double RiskReversalBullish = 0.005;
    public const double RiskReversalBearish = -0.02;
    public const double GammaFlipBandPct = 0.25;
    public const double OiLevelNear = 0.25;
    public const double OiBuildupThreshold = 0.2;
    public const double UnusualMultiple = 5.0;
    public const int UnusualMinimumSides = 6;

    public static PulseSignal PcrOi(PulseChain chain)
    {
        const string rule = "PCR (OI), the option writers' reading: 1.20 or more bullish (put writing below the market), 0.80 or less bearish (call writing above it)";
        if (chain.PcrOi is not { } pcr)
        {
            return Missing("pcrOi", rule, "PCR (OI) not measured: no call open interest yet");
        }

        var direction = Lean(pcr >= PcrBullish, pcr <= PcrBearish);
        var reading = Reading(direction, ": put writers dominate, read as support", ": call writers dominate, read as a ceiling",
            $", between {PulseText.Fixed(PcrBearish, 2)} and {PulseText.Fixed(PcrBullish, 2)}");
        return Measured("pcrOi", pcr, rule, 2, direction, $"PCR (OI) is {PulseText.Fixed(pcr, 2)}{reading}");
    }

    public static PulseSignal PcrChange(PulseChain chain, PulseHistory history)
    {
        const string rule = "PCR (OI) change since the session's first record: up by 0.10 or more bullish, down by 0.10 or more bearish";
        if (chain.PcrOi is not { } now || history.SessionOpenPcrOi is not { } open)
        {
            return Missing("pcrChange", rule, "PCR change not measured: no recorded history for this session");
        }

        var change = now - open;
        var direction = Lean(change >= PcrChangeThreshold, change <= -PcrChangeThreshold);
        return Measured("pcrChange", change, rule, 1, direction, $"PCR (OI) moved {PulseText.Signed(change, 2)} since the session began (from {PulseText.Fixed(open, 2)} to {PulseText.Fixed(now, 2)})");
    }

    public static PulseSignal MaxPain(PulseChain chain)
    {
        const string rule = "max pain vs spot: 1% or more above spot bullish (expiry pull upward), 1% or more below bearish";
        if (chain.MaxPain is not { } pain || chain.Spot is not (> 0 and var spot))
        {
            return Missing("maxPain", rule, "max pain not measured: no open interest or no spot yet");
        }

        var pct = (pain - spot) / spot * 100;
        var direction = Lean(pct >= MaxPainThresholdPct, pct <= -MaxPainThresholdPct);
        return Measured("maxPain", pct, rule, 1, direction, $"max pain {PulseText.Price(pain)} is {PulseText.Signed(pct, 2)}% from spot {PulseText.Price(spot)}");
    }

    public static PulseSignal AtmIvRange(PulseChain chain, PulseHistory history)
    {
        const string rule = "ATM IV within its session range (0 = low, 1 = high): 0.8 or more bearish (fear rising), 0.2 or less bullish (fear easing); neutral when the range is under 0.5 vol points";
        if (chain.AtmIv is not { } iv || history.AtmIvLow is not { } recordedLow || history.AtmIvHigh is not { } recordedHigh)
        {
            return Missing("atmIvRange", rule, "ATM IV range not measured: no recorded history for this session");
        }

        var (low, high) = (Math.Min(recordedLow, iv), Math.Max(recordedHigh, iv));
        var range = $"ATM IV {PulseText.VolPoints(iv)} in its session range {PulseText.VolPoints(low)} to {PulseText.VolPoints(high)}";
        if (high - low < IvRangeMinimum)
        {
            return Measured("atmIvRange", high > low ? (iv - low) / (high - low) : 0.5, rule, 1, SignalDirection.Neutral, $"{range}: too narrow to read");
        }

        var position = (iv - low) / (high - low);
        var direction = Lean(bullish: position <= IvRangeLow, bearish: position >= IvRangeHigh);
        var reading = Reading(direction, ": near the low, fear easing", ": near the high, fear rising", string.Empty);
        return Measured("atmIvRange", position, rule, 1, direction, range + reading);
    }

    public static PulseSignal TermStructure(IReadOnlyList<double?> termAtmIvs)
    {
        const string rule = "front expiry ATM IV minus the next expiry's: above 0 (inverted) bearish, near-term stress; otherwise neutral";
        ArgumentNullException.ThrowIfNull(termAtmIvs);
        var known = termAtmIvs.Where(v => v is not null).Select(v => v!.Value).Take(2).ToArray();
        if (known.Length < 2)
        {
            return Missing("termStructure", rule, "term structure not measured: fewer than two expiries have an ATM IV");
        }

        var spread = known[0] - known[1];
        var inverted = spread > 0;
        return Measured("termStructure", spread, rule, 1, inverted ? SignalDirection.Bearish : SignalDirection.Neutral,
            $"term structure {(inverted ? "inverted" : "upward sloping")}: front ATM IV {PulseText.VolPoints(known[0])} vs next {PulseText.VolPoints(known[1])}");
    }

    public static PulseSignal RiskReversal(PulseChain chain)
    {
        const string rule = "25-delta risk reversal (call IV minus put IV): +0.5 vol points or more bullish (calls bid), -2.0 or less bearish (puts bid beyond the usual equity skew)";
        if (chain.RiskReversal25d is not { } rr)
        {
            return Missing("riskReversal", rule, "risk reversal not measured: the 25-delta wings are not quoted");
        }

        var direction = Lean(rr >= RiskReversalBullish, rr <= RiskReversalBearish);
        var reading = Reading(direction, ": calls bid over puts", ": puts bid for protection", ": the usual skew");
        return Measured("riskReversal", rr, rule, 1, direction, $"25-delta risk reversal {PulseText.Signed(rr * 100, 1)} vol points{reading}");
    }

    public static PulseSignal ExpectedMove(PulseChain chain)
    {
        const string rule = "forward x ATM IV x sqrt(T): the one-standard-deviation move by expiry; informational";
        if (chain.ExpectedMove is not { } move || chain.Spot is not (> 0 and var spot))
        {
            return Missing("expectedMove", rule, "expected move not measured: no ATM IV or spot yet");
        }

        return Measured("expectedMove", move, rule, 0, SignalDirection.Neutral,
            $"expected move by expiry {PulseText.Price(move)} ({PulseText.Fixed(move / spot * 100, 2)}% of spot): {PulseText.Price(spot - move)} to {PulseText.Price(spot + move)}");
    }

    /// <summary>Dealers long gamma (net GEX above 0) with spot between the put wall and the call wall: their hedging pins the chain.</summary>
    public static bool IsPinning(PulseChain chain) =>
        chain is { NetGex: > 0, Spot: { } spot, PutWall: { } putWall, CallWall: { } callWall } && putWall <= spot && spot <= callWall;

    public static PulseSignal GammaRegime(PulseChain chain)
    {
        const string rule = "net dealer GEX above 0 with spot between the put wall and the call wall: pinning (range-bound); below 0: trending (moves amplified); informational, it sets the label's threshold";
        if (chain.NetGex is not { } gex)
        {
            return Missing("gammaRegime", rule, "gamma regime not measured: no Greeks yet");
        }

        var walls = chain is { PutWall: { } put, CallWall: { } call } ? $" with the put wall at {PulseText.Price(put)} and the call wall at {PulseText.Price(call)}" : string.Empty;
        var reading = IsPinning(chain) ? "dealers long gamma, pinning regime"
            : gex > 0 ? "dealers long gamma but spot outside the walls"
            : "dealers short gamma, trending regime";
        return Measured("gammaRegime", gex, rule, 0, SignalDirection.Neutral, $"net GEX {PulseText.Amount(gex)}{walls}: {reading}");
    }

    public static PulseSignal GammaFlip(PulseChain chain)
    {
        const string rule = "spot vs the gamma flip: 0.25% or more above bullish (dealers buy dips), 0.25% or more below bearish (dealers sell into falls)";
        if (chain.GammaFlip is not { } flip || chain.Spot is not (> 0 and var spot))
        {
            return Missing("gammaFlip", rule, "gamma flip not measured: net GEX keeps one sign within 15% of spot");
        }

        var pct = (spot - flip) / spot * 100;
        var direction = Lean(pct >= GammaFlipBandPct, pct <= -GammaFlipBandPct);
        var side = Reading(direction, "above", "below", "at");
        return Measured("gammaFlip", pct, rule, 1, direction, $"spot {PulseText.Price(spot)} is {side} the gamma flip {PulseText.Price(flip)} ({PulseText.Signed(pct, 2)}%)");
    }

    public static PulseSignal OiLevels(PulseChain chain)
    {
        const string rule = "support = the strike below spot with the most put OI, resistance = the strike above with the most call OI; spot in the lowest quarter between them bullish, in the highest quarter bearish";
        if (chain.Spot is not { } spot)
        {
            return Missing("oiLevels", rule, "support and resistance not measured: no spot yet");
        }

        PulseStrike? support = null, resistance = null;
        foreach (var row in chain.Strikes)
        {
            // The larger OI wins; on a tie the strike nearer spot (the later one below, the earlier one above).
            if (row.Strike < spot && row.PutOi > 0 && row.PutOi >= (support?.PutOi ?? 0))
            {
                support = row;
            }

            if (row.Strike > spot && row.CallOi > (resistance?.CallOi ?? 0))
            {
                resistance = row;
            }
        }

        if (support is not { } s || resistance is not { } r)
        {
            return Missing("oiLevels", rule, "support and resistance not measured: no put OI below or no call OI above spot");
        }

        var position = (spot - s.Strike) / (r.Strike - s.Strike);
        var direction = Lean(position <= OiLevelNear, position >= 1 - OiLevelNear);
        var reading = Reading(direction, ", near support", ", near resistance", string.Empty);
        return Measured("oiLevels", position, rule, 1, direction,
            $"support {PulseText.Price(s.Strike)} (put OI {PulseText.Count(s.PutOi)}) and resistance {PulseText.Price(r.Strike)} (call OI {PulseText.Count(r.CallOi)}), spot {PulseText.Price(spot)}{reading}");
    }

    public static PulseSignal OiBuildup(PulseChain chain)
    {
        const string rule = "fresh OI this session, (put OI added below spot - call OI added above) / their sum: +0.2 or more bullish (support being written), -0.2 or less bearish (resistance being written)";
        if (chain.Spot is not { } spot)
        {
            return Missing("oiBuildup", rule, "OI build-up not measured: no spot yet");
        }

        long puts = 0, calls = 0;
        foreach (var row in chain.Strikes)
        {
            if (row.Strike < spot)
            {
                puts += Math.Max(row.PutOiChange, 0);
            }
            else if (row.Strike > spot)
            {
                calls += Math.Max(row.CallOiChange, 0);
            }
        }

        if (puts + calls == 0)
        {
            return Missing("oiBuildup", rule, "OI build-up not measured: no open interest added this session");
        }

        var balance = (double)(puts - calls) / (puts + calls);
        var direction = Lean(balance >= OiBuildupThreshold, balance <= -OiBuildupThreshold);
        return Measured("oiBuildup", balance, rule, 1, direction,
            $"this session {PulseText.Count(puts)} put OI was added below spot and {PulseText.Count(calls)} call OI above (balance {PulseText.Signed(balance, 2)})");
    }

    public static PulseSignal UnusualActivity(PulseChain chain)
    {
        const string rule = "a side whose volume or OI change is 5x the chain's median or more is unusual (the norm needs 6 active sides); more unusual calls than puts bullish, more puts bearish";
        var volumes = UnusualScan.Positive(chain.Strikes, static (r, call) => call ? r.CallVolume : r.PutVolume);
        var oiChanges = UnusualScan.Positive(chain.Strikes, static (r, call) => Math.Abs(call ? r.CallOiChange : r.PutOiChange));
        if (volumes.Length < UnusualMinimumSides && oiChanges.Length < UnusualMinimumSides)
        {
            return Missing("unusualActivity", rule, "unusual activity not measured: too few active strikes for a norm");
        }

        var scan = UnusualScan.Run(chain.Strikes, volumes, oiChanges);
        var direction = Lean(scan.Calls > scan.Puts, scan.Puts > scan.Calls);
        var evidence = scan.Calls + scan.Puts == 0
            ? "no unusual volume or OI change"
            : $"unusual activity on {PulseText.Count(scan.Calls)} call and {PulseText.Count(scan.Puts)} put sides: {string.Join(", ", scan.Examples)}";
        return Measured("unusualActivity", scan.Calls + scan.Puts, rule, 1, direction, evidence);
    }

    private static SignalDirection Lean(bool bullish, bool bearish) =>
        bullish ? SignalDirection.Bullish : bearish ? SignalDirection.Bearish : SignalDirection.Neutral;

    private static string Reading(SignalDirection direction, string bullish, string bearish, string neutral) => direction switch
    {
        SignalDirection.Bullish => bullish,
        SignalDirection.Bearish => bearish,
        _ => neutral,
    };

    private static PulseSignal Measured(string name, double value, string rule, double weight, SignalDirection direction, string evidence) =>
        new(name, value, rule, direction, weight, evidence);

    private static PulseSignal Missing(string name, string rule, string evidence) =>
        new(name, null, rule, SignalDirection.Neutral, 0, evidence);
}
