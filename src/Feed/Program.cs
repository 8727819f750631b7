using DeltaStream.Hosting;
using Microsoft.Extensions.Hosting;

namespace DeltaStream.Feed;

/// <summary>
/// The synthetic feed as its own process: an Orleans client that publishes ticks (to Redis Streams in distributed
/// mode, where ConnectionStrings:Redis is set; to a localhost silo's in-memory streams otherwise).
/// </summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.UseOrleansClient(client => client.AddDeltaStreamClient(builder.Configuration));
        builder.Services.AddSyntheticFeed(builder.Configuration);
        builder.Build().Run();
    }
}
