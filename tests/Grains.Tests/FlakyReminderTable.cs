using System.Collections.Concurrent;

namespace DeltaStream.Grains.Tests;

/// <summary>An in-memory reminder table that fails every write while <see cref="Failing"/> is set, as a Redis reminder table does when Redis is slow or away.</summary>
internal sealed class FlakyReminderTable : IReminderTable
{
    private static readonly ConcurrentDictionary<(GrainId Grain, string Name), ReminderEntry> Rows = new();
    private static int failedWrites;

    public static volatile bool Failing;

    public static int FailedWrites => Volatile.Read(ref failedWrites);

    public static bool Holds(GrainId grain, string name) => Rows.ContainsKey((grain, name));

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Task.FromResult(new ReminderTableData(Rows.Values.Where(r => r.GrainId == grainId).ToList()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        Task.FromResult(new ReminderTableData(Rows.Values.Where(r => InRange(r.GrainId.GetUniformHashCode(), begin, end)).ToList()));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        Task.FromResult(Rows.GetValueOrDefault((grainId, reminderName)));

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Failing)
        {
            Interlocked.Increment(ref failedWrites);
            throw new TimeoutException("reminder table unavailable (test)");
        }

        entry.ETag = Guid.NewGuid().ToString("N");
        Rows[(entry.GrainId, entry.ReminderName)] = entry;
        return Task.FromResult<string?>(entry.ETag);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        Task.FromResult(Rows.TryRemove((grainId, reminderName), out _));

    public Task TestOnlyClearTable()
    {
        Rows.Clear();
        return Task.CompletedTask;
    }

    // The ring range (begin, end], wrapping past uint.MaxValue.
    private static bool InRange(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
