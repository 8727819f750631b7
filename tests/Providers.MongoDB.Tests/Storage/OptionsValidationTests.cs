using DeltaStream.Providers.MongoDB.History;
using DeltaStream.Providers.MongoDB.Storage;
using DeltaStream.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DeltaStream.Providers.MongoDB.Tests.Storage;

/// <summary>Options that cannot work stop the process at start-up with a message naming the setting.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("", "grains", "ConnectionString is required")]
    [InlineData("http://127.0.0.1:27017", "grains", "not a MongoDB connection string")]
    [InlineData("mongodb://127.0.0.1:1/db", "", "Collection must be")]
    public async Task A_grain_storage_with_unusable_options_fails_silo_start(string connectionString, string collection, string message)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(LoopbackPorts.Next(), LoopbackPorts.Next());
            silo.AddMongoGrainStorage("bad", o => (o.ConnectionString, o.Collection) = (connectionString, collection));
        });
        using var host = builder.Build();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("MongoDB grain storage 'bad'", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 100, "BufferCapacity")]
    [InlineData(100, 0, "BatchSize")]
    public void History_options_out_of_range_are_rejected(int capacity, int batch, string setting)
    {
        using var services = new ServiceCollection()
            .AddMongoHistory(o => (o.ConnectionString, o.BufferCapacity, o.BatchSize) = ("mongodb://127.0.0.1:1/db", capacity, batch), write: false)
            .BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MongoHistoryOptions>>().Value);

        Assert.Contains(setting, failure.Message, StringComparison.Ordinal);
    }
}
