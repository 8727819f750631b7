using DeltaStream.Analytics.American;
using DeltaStream.Calendars;
using DeltaStream.Instruments;

namespace DeltaStream.Grains.Chains;

/// <summary>
/// The instrument's cash dividends ex-dated before a chain's settlement, as the American engine takes them: years
/// from now on the chain's own time basis. The spot drops at the start of the ex-date in the exchange's time zone.
/// </summary>
internal sealed class ChainDividends
{
    private readonly DateTime[] exUtc;
    private readonly double[] amounts;
    private readonly DateTime settlementUtc;
    private CashDividend[] buffer = [];

    public ChainDividends(InstrumentDefinition instrument, ExchangeCalendar calendar, DateTime settlementUtc)
    {
        this.settlementUtc = settlementUtc;
        var listed = instrument.Dividends
            .Select(d => (Utc: TimeZoneInfo.ConvertTimeToUtc(d.ExDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), calendar.Zone), d.Amount))
            .Where(d => d.Utc < settlementUtc)
            .OrderBy(d => d.Utc)
            .ToArray();
        exUtc = [.. listed.Select(d => d.Utc)];
        amounts = [.. listed.Select(d => d.Amount)];
    }

    /// <summary>
    /// The dividends still ahead at <paramref name="utcNow"/>, each time scaled from the calendar span so that the
    /// settlement falls at <paramref name="timeToExpiry"/> (exactly ACT/365 on that basis). The span is reused.
    /// </summary>
    public ReadOnlySpan<CashDividend> At(DateTime utcNow, double timeToExpiry)
    {
        var remaining = (settlementUtc - utcNow).TotalDays;
        if (remaining <= 0 || timeToExpiry <= 0 || exUtc.Length == 0)
        {
            return [];
        }

        if (buffer.Length < exUtc.Length)
        {
            buffer = new CashDividend[exUtc.Length];
        }

        var count = 0;
        for (var i = 0; i < exUtc.Length; i++)
        {
            var ahead = (exUtc[i] - utcNow).TotalDays;
            if (ahead > 0)
            {
                buffer[count++] = new CashDividend(timeToExpiry * ahead / remaining, amounts[i]);
            }
        }

        return buffer.AsSpan(0, count);
    }
}
