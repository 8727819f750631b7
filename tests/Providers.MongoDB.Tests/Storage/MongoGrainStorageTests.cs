using Orleans.Runtime;
using Orleans.Storage;

namespace DeltaStream.Providers.MongoDB.Tests.Storage;

/// <summary>The behaviours of Orleans' GrainStorageTestRunner, against the MongoDB grain storage on a real server.</summary>
public sealed class MongoGrainStorageTests(StorageSilo silo) : IClassFixture<StorageSilo>
{
    private const string StateName = "state";

    public static TheoryData<string> Storages => [StorageSilo.Keeping, StorageSilo.Deleting];

    private static GrainId NewGrain(string type = "test") => GrainId.Create(type, Guid.NewGuid().ToString("N"));

    private static GrainState<TestState> State(TestState state, string? etag = null) => new() { State = state, ETag = etag };

    private async Task<GrainState<TestState>> ReadAsync(string storage, GrainId grain, string stateName = StateName)
    {
        var read = new GrainState<TestState> { State = new TestState { Text = "not read" } };
        await silo.Storage(storage).ReadStateAsync(stateName, grain, read);
        return read;
    }

    /// <summary>A grain written twice: its latest state and the etag of the first write, now stale.</summary>
    private async Task<(GrainId Grain, GrainState<TestState> Latest, string? StaleETag)> WrittenTwiceAsync(string storage)
    {
        var grain = NewGrain();
        var state = State(new TestState { Text = "initial" });
        await silo.Storage(storage).WriteStateAsync(StateName, grain, state);
        var stale = state.ETag;
        state.State = new TestState { Text = "latest", Position = 2 };
        await silo.Storage(storage).WriteStateAsync(StateName, grain, state);
        return (grain, state, stale);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Reading_a_grain_never_written_gives_default_state_no_etag_and_no_record(string storage)
    {
        var read = await ReadAsync(storage, NewGrain());

        Assert.Null(read.ETag);
        Assert.False(read.RecordExists);
        Assert.Equal(new TestState(), read.State);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task A_written_state_reads_back_with_its_etag_position_and_values(string storage)
    {
        var grain = NewGrain();
        var written = State(new TestState { Text = "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440", Count = 7, Position = 1_764_000_000_123, Price = 101.0 });

        await silo.Storage(storage).WriteStateAsync(StateName, grain, written);
        var read = await ReadAsync(storage, grain);

        Assert.NotNull(written.ETag);
        Assert.True(written.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.State, read.State);
    }

    [Fact]
    public async Task String_and_integer_keyed_grains_are_stored_apart()
    {
        var stringKeyed = GrainId.Create("test", "SPY 2026-12-18");
        var integerKeyed = GrainId.Create("test", "42");
        var storage = silo.Storage(StorageSilo.Keeping);

        await storage.WriteStateAsync(StateName, stringKeyed, State(new TestState { Text = "string key" }));
        await storage.WriteStateAsync(StateName, integerKeyed, State(new TestState { Text = "integer key", Position = 42 }));

        Assert.Equal("string key", (await ReadAsync(StorageSilo.Keeping, stringKeyed)).State!.Text);
        Assert.Equal(42, (await ReadAsync(StorageSilo.Keeping, integerKeyed)).State!.Position);
    }

    [Fact]
    public async Task State_names_of_one_grain_are_independent_records()
    {
        var grain = NewGrain();
        var storage = silo.Storage(StorageSilo.Keeping);

        await storage.WriteStateAsync("first", grain, State(new TestState { Text = "first" }));
        await storage.WriteStateAsync("second", grain, State(new TestState { Text = "second" }));

        Assert.Equal("first", (await ReadAsync(StorageSilo.Keeping, grain, "first")).State!.Text);
        Assert.Equal("second", (await ReadAsync(StorageSilo.Keeping, grain, "second")).State!.Text);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Every_write_changes_the_etag_even_with_the_same_values(string storage)
    {
        var grain = NewGrain();
        var state = State(new TestState { Text = "same" });
        var etags = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            await silo.Storage(storage).WriteStateAsync(StateName, grain, state);
            etags.Add(state.ETag);
        }

        Assert.All(etags, Assert.NotNull);
        Assert.Equal(3, etags.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task A_second_first_write_fails_with_InconsistentStateException_and_keeps_the_first(string storage)
    {
        var grain = NewGrain();
        var first = State(new TestState { Text = "first" });
        await silo.Storage(storage).WriteStateAsync(StateName, grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            silo.Storage(storage).WriteStateAsync(StateName, grain, State(new TestState { Text = "second" })));

        var read = await ReadAsync(storage, grain);
        Assert.Equal("first", read.State!.Text);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Of_concurrent_first_writes_exactly_one_wins(string storage)
    {
        var grain = NewGrain();
        var writers = Enumerable.Range(0, 8).Select(i => State(new TestState { Text = $"writer {i}", Count = i })).ToList();

        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await silo.Storage(storage).WriteStateAsync(StateName, grain, w);
                return (Writer: w, Won: true);
            }
            catch (InconsistentStateException)
            {
                return (Writer: w, Won: false);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Won).Writer;
        var read = await ReadAsync(storage, grain);
        Assert.Equal(winner.State, read.State);
        Assert.Equal(winner.ETag, read.ETag);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task A_write_with_a_stale_etag_fails_and_leaves_the_latest_state(string storage)
    {
        var (grain, state, stale) = await WrittenTwiceAsync(storage);

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            silo.Storage(storage).WriteStateAsync(StateName, grain, State(new TestState { Text = "stale" }, stale)));

        var read = await ReadAsync(storage, grain);
        Assert.Equal(state.State, read.State);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Clear_with_a_stale_etag_fails_and_leaves_the_latest_state(string storage)
    {
        var (grain, state, stale) = await WrittenTwiceAsync(storage);

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            silo.Storage(storage).ClearStateAsync(StateName, grain, State(new TestState(), stale)));

        var read = await ReadAsync(storage, grain);
        Assert.True(read.RecordExists);
        Assert.Equal(state.State, read.State);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Clear_then_read_gives_no_record_and_a_default_state_and_the_grain_can_write_again(string storage)
    {
        var grain = NewGrain();
        var state = State(new TestState { Text = "before clear", Count = 3 });
        await silo.Storage(storage).WriteStateAsync(StateName, grain, state);
        var written = state.ETag;

        await silo.Storage(storage).ClearStateAsync(StateName, grain, state);

        Assert.NotEqual(written, state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(new TestState(), state.State);
        var read = await ReadAsync(storage, grain);
        Assert.False(read.RecordExists);
        Assert.Equal(new TestState(), read.State);
        Assert.Equal(state.ETag, read.ETag);

        state.State = new TestState { Text = "second", Count = 2 };
        await silo.Storage(storage).WriteStateAsync(StateName, grain, state);
        var reread = await ReadAsync(storage, grain);
        Assert.True(reread.RecordExists);
        Assert.Equal(state.State, reread.State);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Clear_before_any_write_succeeds_and_clearing_twice_keeps_no_record(string storage)
    {
        var grain = NewGrain();
        var state = State(new TestState { Text = "never stored" });
        state.RecordExists = true;

        await silo.Storage(storage).ClearStateAsync(StateName, grain, state);
        await silo.Storage(storage).ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.Equal(new TestState(), state.State);
        Assert.False((await ReadAsync(storage, grain)).RecordExists);
    }

    [Fact]
    public async Task Parallel_writes_and_reads_of_many_grains_each_advance_their_own_etag()
    {
        var storage = silo.Storage(StorageSilo.Keeping);
        var grains = Enumerable.Range(0, 50).Select(i => (Grain: NewGrain(), State: State(new TestState { Count = i }))).ToList();
        foreach (var (grain, state) in grains)
        {
            await storage.WriteStateAsync(StateName, grain, state);
        }

        await Parallel.ForEachAsync(grains, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (g, _) =>
        {
            for (var k = 1; k <= 10; k++)
            {
                var before = g.State.ETag;
                g.State.State = g.State.State! with { Position = k };
                await storage.WriteStateAsync(StateName, g.Grain, g.State);
                Assert.NotEqual(before, g.State.ETag);
                var read = await ReadAsync(StorageSilo.Keeping, g.Grain);
                Assert.Equal(g.State.State, read.State);
                Assert.Equal(g.State.ETag, read.ETag);
            }
        });
    }
}
