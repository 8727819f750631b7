using DeltaStream.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace DeltaStream.Providers.Tests;

public sealed class DistributedCompositionTests
{
    [Fact]
    public void A_persist_interval_shorter_than_the_publish_timer_it_runs_on_is_refused_at_start_up()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
            ["DeltaStream:Grains:PersistInterval"] = "00:00:00.200",
            ["DeltaStream:Grains:PublishInterval"] = "00:00:00.500",
        }).Build();
        var builder = Host.CreateApplicationBuilder();

        var error = Assert.Throws<InvalidOperationException>(() => builder.UseOrleans(silo => silo.AddDeltaStreamSilo(configuration)));

        Assert.Contains("PersistInterval", error.Message, StringComparison.Ordinal);
        Assert.Contains("PublishInterval", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("127.0.0.1:6379", true)]
    public void Distributed_mode_is_selected_by_the_redis_connection_string_alone(string? connectionString, bool distributed)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = connectionString }).Build();
        Assert.Equal(distributed, DeploymentMode.IsDistributed(configuration));
    }
}
