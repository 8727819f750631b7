using DeltaStream.Calendars;

namespace DeltaStream.Grains.Sequencing;

/// <summary>
/// The exchange's trading day that applied ticks fall in. A day starts when its session starts (the pre-open if any,
/// else the open), not at midnight: a tick overnight, on a weekend or a holiday belongs to the previous trading day.
/// A tick of a later trading day starts a new session; one of the current or an earlier day does not. An instant
/// inside the current day's span is recognised without a calendar look-up, so the per-tick check costs two comparisons.
/// </summary>
internal sealed class TradingDay(ExchangeCalendar calendar)
{
    private DateTime safeFrom = DateTime.MaxValue;
    private DateTime safeUntil = DateTime.MinValue;

    public DateOnly? Date { get; private set; }

    /// <returns>True when <paramref name="utc"/> opens a session later than the current one.</returns>
    public bool Enter(DateTime utc)
    {
        if (utc >= safeFrom && utc < safeUntil)
        {
            return false;
        }

        var day = calendar.TradingDayAt(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        if (Date is { } current && day <= current)
        {
            if (day == current)
            {
                Remember(day);
            }

            return false;
        }

        Date = day;
        Remember(day);
        return true;
    }

    public void Restore(DateOnly? date)
    {
        Date = date;
        safeFrom = DateTime.MaxValue;
        safeUntil = DateTime.MinValue;
    }

    /// <summary>The span of <paramref name="day"/>: from its session's start to the next trading day's.</summary>
    private void Remember(DateOnly day)
    {
        safeFrom = calendar.Session(day)!.StartUtc;
        safeUntil = calendar.Session(calendar.NextTradingDay(day))!.StartUtc;
    }
}
