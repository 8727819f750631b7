using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeltaStream.Hosting.Operators;

/// <summary>HTTP Basic against DeltaStream:Auth:OperatorUsername/OperatorPassword, compared in constant time; no credentials configured, no entry.</summary>
internal sealed class OperatorAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<OperatorOptions> operators) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (user, password) = (operators.Value.OperatorUsername, operators.Value.OperatorPassword);
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
        {
            return Task.FromResult(AuthenticateResult.Fail("No operator credentials are configured."));
        }

        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) ||
            !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Decode(header.Parameter);
        var expected = Encoding.UTF8.GetBytes($"{user}:{password}");
        if (presented is null || !CryptographicOperations.FixedTimeEquals(presented, expected))
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong operator credentials."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"DeltaStream operator\", charset=\"UTF-8\"";
        return base.HandleChallengeAsync(properties);
    }

    private static byte[]? Decode(string parameter)
    {
        var buffer = new byte[(parameter.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(parameter, buffer, out var written) ? buffer[..written] : null;
    }
}
