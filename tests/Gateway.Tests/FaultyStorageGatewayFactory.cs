using DeltaStream.Grains;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace DeltaStream.Gateway.Tests;

/// <summary>A quiet embedded gateway whose users' grain storage can be made to fail one user's writes (<see cref="Storage"/>).</summary>
public sealed class FaultyStorageGatewayFactory : TestGatewayFactory
{
    private FaultyUserStorage? storage;

    public FaultyUserStorage Storage => storage ?? throw new InvalidOperationException("The gateway has not started its silo yet.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DeltaStream:Feed:Enabled", "false");
        builder.ConfigureTestServices(services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, GrainStorage.Users));
            services.Remove(original);
            services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Users, (sp, key) =>
                storage = new FaultyUserStorage((IGrainStorage)original.KeyedImplementationFactory!(sp, key)));
        });
    }
}
