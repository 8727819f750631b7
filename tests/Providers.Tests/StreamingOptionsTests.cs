using System.ComponentModel.DataAnnotations;
using DeltaStream.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace DeltaStream.Providers.Tests;

/// <summary>DeltaStream:Streams is read while the silo is composed, so it is validated there, naming the setting.</summary>
public sealed class StreamingOptionsTests
{
    [Theory]
    [InlineData("Queues", "0")]
    [InlineData("PullingPeriod", "00:01:00")]
    [InlineData("CacheRetention", "00:00:00")]
    public void A_streams_setting_out_of_its_range_stops_the_silo_at_composition_naming_it(string setting, string value)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{StreamingOptions.SectionName}:{setting}"] = value });

        var failure = Assert.Throws<ValidationException>(() => builder.UseOrleans(silo => silo.AddDeltaStreamSilo(builder.Configuration)));

        Assert.Contains(setting, failure.Message, StringComparison.Ordinal);
    }
}
