using DeltaStream.Testing;
using Microsoft.Playwright;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// The page against a gateway issuing 10-second tokens: the hub closes each connection when its token expires, and
/// the page renews and reconnects at once, never showing the connection as reconnecting.
/// </summary>
public sealed class TokenExpiryBrowserTests
{
    private const float Wait = 60_000;

    [Fact]
    public async Task When_the_hub_closes_at_token_expiry_the_page_reconnects_with_a_renewed_token_without_showing_reconnecting()
    {
        await using var gateway = await HostProcess.StartAsync("Gateway", new Dictionary<string, string>
        {
            ["DeltaStream__Cluster__SiloPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Cluster__GatewayPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Auth__TokenLifetime"] = "00:00:10",
        });
        await using var browser = await BrowserPage.OpenAsync();
        var page = browser.Page;
        var hubSockets = 0;
        var reconnectedTwice = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/hubs/market", StringComparison.Ordinal) && Interlocked.Increment(ref hubSockets) == 3)
            {
                reconnectedTwice.TrySetResult();
            }
        };

        await page.GotoAsync(gateway.BaseAddress.ToString());
        await page.ClickAsync("#to-register");
        await page.FillAsync("#reg-email", TestAccounts.NewEmail());
        await page.FillAsync("#reg-password", TestAccounts.Password);
        await page.ClickAsync("#register");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = Wait });
        await page.EvaluateAsync("""
            () => {
              const status = document.getElementById("status");
              window.statesSeen = [];
              new MutationObserver(() => window.statesSeen.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
            }
            """);

        // Each 10-second token's connection is closed by the hub at its expiry: two expiries, two new connections.
        await reconnectedTwice.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = Wait });
        var seen = await page.EvaluateAsync<string[]>("() => window.statesSeen");

        Assert.DoesNotContain("reconnecting", seen);
        Assert.DoesNotContain("offline", seen);
        Assert.True(await page.Locator("#signin").IsHiddenAsync(), "the page should still be signed in");
    }
}
