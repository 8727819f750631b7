using Microsoft.AspNetCore.Hosting;

namespace DeltaStream.Gateway.Tests.Language;

/// <summary>An embedded gateway with its synthetic feed whose language model is a <see cref="ChatCompletionsStub"/> on loopback.</summary>
public sealed class ModelGatewayFactory : StubModelGatewayFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // Each test scripts its own reply to the same prompts, so none may be answered from another test's kept reply.
        builder.UseSetting("DeltaStream:LanguageModel:CacheEntries", "0");
    }
}
