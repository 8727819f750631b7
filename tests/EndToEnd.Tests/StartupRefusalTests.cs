namespace DeltaStream.EndToEnd.Tests;

/// <summary>Settings that are only safe on one machine are refused at start everywhere else, with a message naming the setting.</summary>
public sealed class StartupRefusalTests
{
    [Fact]
    public async Task A_gateway_outside_embedded_mode_without_a_signing_key_refuses_to_start_and_names_the_setting()
    {
        var environment = new Dictionary<string, string>
        {
            ["DeltaStream__Cluster__SiloPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Cluster__GatewayPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Gateway__Topology"] = "Client",
            ["DeltaStream__Auth__SigningKey"] = "",
        };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync("Gateway", environment));

        Assert.Contains("DeltaStream:Auth:SigningKey is required outside embedded mode", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signing_key_shorter_than_256_bits_is_refused()
    {
        var environment = new Dictionary<string, string>
        {
            ["DeltaStream__Cluster__SiloPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Cluster__GatewayPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Auth__SigningKey"] = "too-short-a-key",
        };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync("Gateway", environment));

        Assert.Contains("DeltaStream:Auth:SigningKey must be at least 32 bytes (256 bits)", refused.Message, StringComparison.Ordinal);
    }
}
