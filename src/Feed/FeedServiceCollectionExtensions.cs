using DeltaStream.Feed.Publishing;
using DeltaStream.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Feed;

public static class FeedServiceCollectionExtensions
{
    /// <summary>Runs the synthetic feed in this process when DeltaStream:Feed:Enabled is true (the default).</summary>
    public static IServiceCollection AddSyntheticFeed(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FeedOptions>()
            .Bind(configuration.GetSection(FeedOptions.SectionName))
            .PostConfigure(o =>
            {
                o.PublishWholeEntries = DeploymentMode.IsDistributed(configuration);
                o.Hours ??= DeploymentMode.IsDistributed(configuration) ? FeedHours.Calendar : FeedHours.AroundTheClock;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configuration.GetSection(FeedOptions.SectionName).GetValue(nameof(FeedOptions.Enabled), true))
        {
            services.AddHostedService<FeedPublisher>();
        }

        return services;
    }
}
