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
        await using var browser = await LaunchAsync(playwright);
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

    [Fact]
    public async Task The_pulse_script_renders_the_chains_label_narrative_and_evidence_where_the_page_asks()
    {
        using var http = await TestAccounts.SignedInClientAsync(gateway.BaseAddress, TestContext.Current.CancellationToken);
        var detail = await http.GetStringAsync(new Uri("/api/v1/underlyings/NIFTY", UriKind.Relative), TestContext.Current.CancellationToken);
        var expiry = System.Text.Json.JsonDocument.Parse(detail).RootElement.GetProperty("expiries")[0].GetString()!;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(gateway.BaseAddress.ToString());
        await page.FillAsync("#email", (await TestAccounts.RegisterAsync(http, cancellationToken: TestContext.Current.CancellationToken)).User.Email);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("#login");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = 30_000 });

        // What the dashboard does when a chain is chosen (here without its hub connection: the script polls the endpoint).
        await page.EvaluateAsync("([symbol, expiry]) => window.DeltaStreamInsights.show(symbol, expiry)", new[] { "NIFTY", expiry });

        await Assertions.Expect(page.Locator("#pulse-label")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(bullish|bearish|neutral|range-bound)$"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#pulse tbody tr")).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator("#pulse-narrative")).ToContainTextAsync($"NIFTY {expiry} reads");
        await Assertions.Expect(page.Locator("#pulse tr[data-signal='pcrOi'] td").Nth(4)).ToContainTextAsync("PCR (OI)");
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

    private static async Task<long> SequenceAsync(IPage page)
    {
        var meta = await page.Locator("#chain-meta").InnerTextAsync();
        return long.Parse(System.Text.RegularExpressions.Regex.Match(meta, @"seq (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
