namespace DeltaStream.Grains.Sequencing;

/// <summary>
/// The exchange's trading day that applied ticks fall in. A tick of a later local day starts a new session; a tick
/// of the current or an earlier day does not. Instants well inside the current day are recognised without a time
/// zone conversion, so the per-tick check costs two comparisons.
/// </summary>
internal sealed class TradingDay(TimeZoneInfo zone)
{
    // DST moves local midnight by at most an hour, so an instant this far inside the estimated day is in it.
    private static readonly TimeSpan Margin = TimeSpan.FromHours(1);
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

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var day = DateOnly.FromDateTime(local);
        if (Date is { } current && day <= current)
        {
            if (day == current)
            {
                Remember(utc, local);
            }

            return false;
        }

        Date = day;
        Remember(utc, local);
        return true;
    }

    public void Restore(DateOnly? date)
    {
        Date = date;
        safeFrom = DateTime.MaxValue;
        safeUntil = DateTime.MinValue;
    }

    private void Remember(DateTime utc, DateTime local)
    {
        var sinceMidnight = local.TimeOfDay;
        safeFrom = utc - sinceMidnight + Margin;
        safeUntil = utc + (TimeSpan.FromDays(1) - sinceMidnight) - Margin;
    }
}
