using MongoDB.Bson;
using MongoDB.Driver;
using Orleans.Runtime;
using Orleans.Storage;

namespace DeltaStream.Providers.MongoDB.Tests.Storage;

/// <summary>
/// Fixtures/grain-state-v1.json is a document this provider wrote (Canonical Extended JSON, etag fixed): later
/// versions must read it, write over it, and keep its layout.
/// </summary>
public sealed class StoredDocumentTests(StorageSilo silo, MongoServer server) : IClassFixture<StorageSilo>
{
    private static readonly GrainId Grain = GrainId.Create("chain", "SPY|2026-12-18");

    private static BsonDocument Fixture() =>
        BsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "grain-state-v1.json")));

    private IMongoCollection<BsonDocument> Grains() => server.Database(silo.DatabaseName).GetCollection<BsonDocument>("grains");

    [Fact]
    public async Task A_document_written_by_the_first_version_reads_back_and_accepts_a_write_with_its_etag()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await Grains().DeleteOneAsync(d => d["_id"] == Fixture()["_id"], cancellation);
        await Grains().InsertOneAsync(Fixture(), cancellationToken: cancellation);
        var storage = silo.Storage(StorageSilo.Keeping);

        var read = new GrainState<TestState> { State = new TestState() };
        await storage.ReadStateAsync("market", Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal("0f1c2b3a4d5e6f708192a3b4c5d6e7f8", read.ETag);
        Assert.Equal(new TestState { Text = "SPY 2026-12-18", Count = 12, Position = 1_764_601_200_000, Price = 612.25 }, read.State);

        read.State = read.State! with { Position = 1_764_601_260_000 };
        await storage.WriteStateAsync("market", Grain, read);
        var reread = new GrainState<TestState> { State = new TestState() };
        await storage.ReadStateAsync("market", Grain, reread);
        Assert.Equal(1_764_601_260_000, reread.State!.Position);
    }

    [Fact]
    public async Task A_document_written_now_has_the_fixture_layout()
    {
        var grain = GrainId.Create("chain", Guid.NewGuid().ToString("N"));
        await silo.Storage(StorageSilo.Keeping).WriteStateAsync("market", grain, new GrainState<TestState> { State = new TestState { Count = 1 } });

        var written = await Grains().Find(d => d["grain"] == grain.ToString()).SingleAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Fixture().Names, written.Names);
        Assert.Equal($"{StorageSilo.ServiceId}/market/{grain}", written["_id"].AsString);
        Assert.Equal(BsonType.Binary, written["state"].BsonType);
    }
}
