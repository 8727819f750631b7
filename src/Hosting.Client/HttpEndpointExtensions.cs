using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace DeltaStream.Hosting;

public static class HttpEndpointExtensions
{
    /// <summary>
    /// Listens on <paramref name="url"/> only when the operator chose no address: ASPNETCORE_URLS, --urls or Urls;
    /// ASPNETCORE_HTTP_PORTS or ASPNETCORE_HTTPS_PORTS; or Kestrel:Endpoints. A default written as Urls in
    /// appsettings.json would win over the ASPNETCORE_ environment variables, which the host reads first.
    /// </summary>
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder, string url)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var chosen = !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!chosen)
        {
            builder.WebHost.UseUrls(url);
        }

        return builder;
    }
}
