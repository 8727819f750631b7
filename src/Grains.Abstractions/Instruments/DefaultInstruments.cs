namespace DeltaStream.Instruments;

/// <summary>The instruments listed when configuration names none.</summary>
public static class DefaultInstruments
{
    public static IReadOnlyList<InstrumentDefinition> Create() =>
    [
        India("NIFTY", 24350, 50, 75, ExpiryFrequency.Weekly, DayOfWeek.Tuesday, 0.13),
        India("BANKNIFTY", 52400, 100, 35, ExpiryFrequency.Monthly, DayOfWeek.Tuesday, 0.15),
        India("FINNIFTY", 23600, 50, 65, ExpiryFrequency.Monthly, DayOfWeek.Tuesday, 0.15),
        India("SENSEX", 80200, 100, 20, ExpiryFrequency.Weekly, DayOfWeek.Thursday, 0.13),
        Us("AAPL", 228, 2.5, 0.005, 0.24),
        Us("TSLA", 345, 5, 0.0, 0.55),
        Us("SPY", 598, 1, 0.012, 0.14),
        Us("QQQ", 515, 2, 0.006, 0.18),
    ];

    private static InstrumentDefinition India(string symbol, double price, double step, int lot, ExpiryFrequency frequency, DayOfWeek day, double vol) => new()
    {
        Symbol = symbol,
        Currency = "INR",
        TickSize = 0.05,
        BasePrice = price,
        StrikeStep = step,
        LotSize = lot,
        Rate = 0.065,
        DividendYield = 0.012,
        AtmVolatility = vol,
        ExpiryFrequency = frequency,
        ExpiryDay = day,
        ExpiryCount = 4,
        StrikesEachSide = 15,
        TimeZone = "Asia/Kolkata",
        SettlementTime = new TimeOnly(15, 30),
    };

    private static InstrumentDefinition Us(string symbol, double price, double step, double dividendYield, double vol) => new()
    {
        Symbol = symbol,
        Currency = "USD",
        BasePrice = price,
        StrikeStep = step,
        LotSize = 100,
        Rate = 0.043,
        DividendYield = dividendYield,
        AtmVolatility = vol,
        ExpiryFrequency = ExpiryFrequency.Weekly,
        ExpiryDay = DayOfWeek.Friday,
        ExpiryCount = 4,
        StrikesEachSide = 15,
        TimeZone = "America/New_York",
        SettlementTime = new TimeOnly(16, 0),
    };
}
