using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using DeltaStream.Gateway.RateLimiting.Windows;
using DeltaStream.Hosting;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.RateLimiting;

internal static class RateLimitingExtensions
{
    /// <summary>The REST policies (fixed windows, no queueing) and the hub's limiter; rejections are 429 ProblemDetails with Retry-After.</summary>
    public static IServiceCollection AddDeltaStreamRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HubRateLimitFilter>();
        if (DeploymentMode.RedisConnectionString(configuration) is { } redis)
        {
            services.AddSingleton<ILoginThrottle>(sp => ActivatorUtilities.CreateInstance<RedisLoginThrottle>(sp, redis));
        }
        else
        {
            services.AddSingleton<ILoginThrottle, MemoryLoginThrottle>();
        }

        services.AddSingleton<RateLimitWindows>();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicies.Api, context =>
                Windows(context).Partition(context, RateLimitPolicies.Api, ClientPartition.Of(context.User, context.Connection.RemoteIpAddress), Limits(context).Api));
            o.AddPolicy(RateLimitPolicies.SignIn, context =>
                Windows(context).Partition(context, RateLimitPolicies.SignIn, ClientPartition.Address(context.Connection.RemoteIpAddress), Limits(context).SignIn));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>
    /// The rate limiter, then the <c>X-RateLimit-*</c> headers of the window each admitted request was counted in
    /// (a rejected one gets them from the 429 answer).
    /// </summary>
    public static IApplicationBuilder UseDeltaStreamRateLimiter(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        var windows = app.ApplicationServices.GetRequiredService<RateLimitWindows>();
        return app.Use((context, next) =>
        {
            windows.WriteHeaders(context);
            return next(context);
        });
    }

    public static RateLimitPartition<string> Window(string partition, WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>Whole seconds until <paramref name="wait"/> is over, at least one.</summary>
    public static int Seconds(TimeSpan wait) => (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));

    /// <summary>Whole seconds until the window reopens, at least one.</summary>
    public static int RetryAfterSeconds(RateLimitLease lease, WindowLimit limit) =>
        (int)Math.Max(1, Math.Ceiling((lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limit.Window).TotalSeconds));

    private static RateLimitOptions Limits(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static RateLimitWindows Windows(HttpContext context) => context.RequestServices.GetRequiredService<RateLimitWindows>();

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var limits = Limits(http);
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == RateLimitPolicies.SignIn ? limits.SignIn : limits.Api;
        var seconds = RetryAfterSeconds(rejected.Lease, limit);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        RateLimitWindows.Write(http.Response, limit, 0, TimeSpan.FromSeconds(seconds));
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"At most {limit.PermitLimit} requests per {limit.Window}; retry after {seconds} s.",
            },
        });
    }
}
