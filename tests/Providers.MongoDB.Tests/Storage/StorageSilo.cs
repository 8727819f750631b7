using DeltaStream.Providers.MongoDB.Storage;
using DeltaStream.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;

namespace DeltaStream.Providers.MongoDB.Tests.Storage;

/// <summary>
/// A one-silo host with two MongoDB grain storages on the test server (one keeping cleared documents, one
/// deleting them), each in a fresh database, so the tests call the providers exactly as grains would.
/// </summary>
public sealed class StorageSilo : IAsyncLifetime
{
    public const string Keeping = "keeping";
    public const string Deleting = "deleting";
    public const string ServiceId = "storage-tests";

    private readonly MongoServer server;
    private IHost host = null!;

    public StorageSilo(MongoServer server) => this.server = server;

    public string DatabaseName { get; } = MongoServer.NewDatabaseName("storage");

    public IGrainStorage Storage(string name) => host.Services.GetRequiredKeyedService<IGrainStorage>(name);

    public async ValueTask InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(LoopbackPorts.Next(), LoopbackPorts.Next(), serviceId: ServiceId, clusterId: "storage-tests");
            silo.AddMongoGrainStorage(Keeping, o => o.ConnectionString = server.ConnectionString(DatabaseName));
            silo.AddMongoGrainStorage(Deleting, o =>
            {
                o.ConnectionString = server.ConnectionString(DatabaseName);
                o.Collection = "deleting";
                o.DeleteStateOnClear = true;
            });
        });
        host = builder.Build();
        await host.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await server.Database(DatabaseName).Client.DropDatabaseAsync(DatabaseName);
    }
}
