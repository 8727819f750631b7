using System.Globalization;
using Microsoft.AspNetCore.Hosting;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// An embedded gateway whose market clock starts <see cref="Lead"/> before NIFTY's weekly settlement on Tuesday
/// 2026-12-08 at 15:30 IST, so the expiry roll happens while the system runs.
/// </summary>
public sealed class SettlementEveGatewayFactory : TestGatewayFactory
{
    public static readonly DateOnly Expiry = new(2026, 12, 8);

    public static readonly DateTimeOffset Settlement = new(2026, 12, 8, 15, 30, 0, TimeSpan.FromHours(5.5));

    /// <summary>Long enough for the gateway to start and a client to subscribe before the settlement.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(60);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DeltaStream:Clock:Start", (Settlement - Lead).ToString("O", CultureInfo.InvariantCulture));
        builder.UseSetting("DeltaStream:Grains:PublishInterval", "00:00:00.100");
        builder.UseSetting("DeltaStream:Feed:TickInterval", "00:00:00.100");
    }
}
