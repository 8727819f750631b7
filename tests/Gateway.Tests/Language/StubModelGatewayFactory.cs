using Microsoft.AspNetCore.Hosting;

namespace DeltaStream.Gateway.Tests.Language;

/// <summary>An embedded gateway whose language model is a <see cref="ChatCompletionsStub"/> on loopback, started before the gateway.</summary>
public abstract class StubModelGatewayFactory : TestGatewayFactory, IAsyncLifetime
{
    public ChatCompletionsStub Model { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DeltaStream:LanguageModel:Endpoint", Model.Endpoint.ToString());
        builder.UseSetting("DeltaStream:LanguageModel:Model", "stub-model");
        builder.UseSetting("DeltaStream:Grains:PublishInterval", "00:00:00.050");
    }

    public async ValueTask InitializeAsync()
    {
        Model = await ChatCompletionsStub.StartAsync();
        _ = Server;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Model.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
