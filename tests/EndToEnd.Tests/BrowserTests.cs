using System.Globalization;
using DeltaStream.Testing;
using Microsoft.Playwright;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>The web UI in a real Chromium (Debian's, driven by Playwright) against the real gateway process.</summary>
public sealed class BrowserTests(GatewayProcess gateway)
{
    private static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    [Fact]
    public async Task After_signing_in_through_the_form_the_web_ui_shows_the_underlyings_and_a_live_option_chain()
    {
        using var anonymous = new HttpClient { BaseAddress = gateway.BaseAddress };
        var user = await TestAccounts.RegisterAsync(anonymous, cancellationToken: TestContext.Current.CancellationToken);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1500, Height = 1000 } });

        await page.GotoAsync(gateway.BaseAddress.ToString());
        await Assertions.Expect(page.Locator("#signin")).ToBeVisibleAsync();
        await page.FillAsync("#email", user.User.Email);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("#login");

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#underlyings tbody tr")).ToHaveCountAsync(8);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#chain tbody tr').length >= 21", null, new() { Timeout = 30_000 });
        var first = await SequenceAsync(page);
        await page.WaitForFunctionAsync($"() => /seq (\\d+)/.exec(document.getElementById('chain-meta').textContent)[1] > {first}", null, new() { Timeout = 10_000 });
        var atmIv = await page.Locator(".tile", new() { HasText = "ATM IV" }).InnerTextAsync();
        Assert.Matches(@"\d+\.\d\d%", atmIv);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "web-ui.png") });
    }

    private static async Task<long> SequenceAsync(IPage page)
    {
        var meta = await page.Locator("#chain-meta").InnerTextAsync();
        return long.Parse(System.Text.RegularExpressions.Regex.Match(meta, @"seq (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
