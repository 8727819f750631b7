using DeltaStream.Gateway.Hosting;
using DeltaStream.Hosting.Operators;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace DeltaStream.Gateway.Auth;

internal static class AuthExtensions
{
    /// <summary>Hub connections from browsers cannot set headers, so the hub also reads the JWT from this query parameter.</summary>
    private const string HubTokenQuery = "access_token";

    /// <summary>JWT bearer and X-API-Key for users, Basic for the operator (<see cref="OperatorAccess"/>); the default policy accepts either user scheme.</summary>
    public static IServiceCollection AddDeltaStreamAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>>(new AuthOptionsValidator(configuration));
        services.AddSingleton<SigningKeyMaterial>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<PasswordHasher>();

        services.AddAuthentication(AuthSchemes.BearerOrApiKey)
            .AddPolicyScheme(AuthSchemes.BearerOrApiKey, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader) ? AuthSchemes.ApiKey : AuthSchemes.Bearer)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (context.HttpContext.Request.Path.StartsWithSegments("/hubs", StringComparison.Ordinal) &&
                            context.Request.Query[HubTokenQuery].ToString() is { Length: > 0 } token)
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null);
        services.AddOptions<JwtBearerOptions>(AuthSchemes.Bearer).Configure<IOptions<AuthOptions>, SigningKeyMaterial>((o, auth, key) =>
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Value.Issuer,
                ValidAudience = auth.Value.Audience,
                IssuerSigningKey = key.Key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = AuthClaims.Email,
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthSchemes.SignedInPolicy, p => p.AddAuthenticationSchemes(AuthSchemes.Bearer).RequireAuthenticatedUser());

        // The dashboard opens without credentials only in embedded mode and only while every listener is loopback.
        services.AddDeltaStreamOperatorAccess(configuration, openWhileLocal: GatewayMode.IsEmbedded(configuration));
        return services;
    }

    /// <summary>Resolves the signing key at start, so a generated one is announced in the log before the first request.</summary>
    public static IEndpointRouteBuilder MapDeltaStreamAuth(this IEndpointRouteBuilder endpoints)
    {
        _ = endpoints.ServiceProvider.GetRequiredService<SigningKeyMaterial>();
        endpoints.MapAuthApi();
        return endpoints;
    }
}
