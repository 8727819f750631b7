using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeltaStream.Hosting.Operators;

/// <summary>
/// What the gateway and the silo host share for the operator's pages (the Orleans dashboard): Basic credentials
/// from <see cref="OperatorOptions"/> and one authorization policy, <see cref="Policy"/>.
/// </summary>
public static class OperatorAccess
{
    public const string Scheme = "Operator";

    public const string Policy = "Operator";

    /// <param name="openWhileLocal">
    /// Whether the pages open without credentials while every listener is on this machine (the gateway's embedded
    /// mode); otherwise they always ask for the operator's credentials.
    /// </param>
    public static IServiceCollection AddDeltaStreamOperatorAccess(this IServiceCollection services, IConfiguration configuration, bool openWhileLocal)
    {
        services.AddOptions<OperatorOptions>().Bind(configuration.GetSection(OperatorOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<LocalListeners>();
        services.AddSingleton<IAuthorizationHandler, OperatorRequirementHandler>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, OperatorAuthenticationHandler>(Scheme, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).AddRequirements(new OperatorRequirement(openWhileLocal)));
        return services;
    }

    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policy);
}
