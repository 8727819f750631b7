using DeltaStream.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeltaStream.Hosting.Clock;

public static class ClockServiceCollectionExtensions
{
    /// <summary>
    /// The real clock (<see cref="TimeProvider"/>) and the market clock (<see cref="MarketClock"/>): real time, or
    /// the instant <see cref="ClockOptions"/> starts it at. A <see cref="MarketClock"/> registered earlier is kept.
    /// </summary>
    public static IServiceCollection AddMarketClock(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = Read(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var real = sp.GetRequiredService<TimeProvider>();
            return options.Start is { } start ? MarketClock.StartingAt(start, options.Anchor ?? real.GetUtcNow(), real) : new MarketClock(real);
        });
        return services;
    }

    private static ClockOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(ClockOptions.SectionName);
        try
        {
            return section.Get<ClockOptions>() ?? new ClockOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException(
                $"{ClockOptions.SectionName}: Start and Anchor must be ISO 8601 instants with an offset, e.g. 2026-12-08T15:29:00+05:30 ({e.InnerException?.Message ?? e.Message}).", e);
        }
    }
}
