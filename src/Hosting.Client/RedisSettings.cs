using DeltaStream.Providers.Redis;
using Microsoft.Extensions.Configuration;

namespace DeltaStream.Hosting;

/// <summary>Section "DeltaStream:Redis" of distributed mode (the connection string itself is ConnectionStrings:Redis).</summary>
internal static class RedisSettings
{
    public const string SectionName = "DeltaStream:Redis";

    public static Action<RedisStreamOptions> Streams(IConfiguration configuration, string connectionString) => options =>
    {
        configuration.GetSection(SectionName).Bind(options);
        options.ConnectionString = connectionString;
    };
}
