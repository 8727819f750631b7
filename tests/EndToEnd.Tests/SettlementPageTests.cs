using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Testing;
using Microsoft.Playwright;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// The page across NIFTY's weekly settlement: the embedded gateway process starts its market clock shortly before
/// 15:30 IST on the expiry day, and a signed-in browser on that chain sees it settle without a reload.
/// </summary>
public sealed class SettlementPageTests
{
    private const float Wait = 150_000;
    private static readonly DateTimeOffset Settlement = new(2026, 12, 8, 15, 30, 0, TimeSpan.FromHours(5.5));

    [Fact]
    public async Task A_page_on_the_expiring_chain_shows_it_settled_with_its_settlement_price_and_moves_the_expiry_list_on()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var host = await HostProcess.StartAsync("Gateway", new Dictionary<string, string>
        {
            ["DeltaStream__Cluster__SiloPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Cluster__GatewayPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Clock__Start"] = (Settlement - TimeSpan.FromSeconds(90)).ToString("O", CultureInfo.InvariantCulture),
        });
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        var user = await TestAccounts.RegisterAsync(anonymous, cancellationToken: cancel);
        using var http = TestAccounts.Authorize(new HttpClient { BaseAddress = host.BaseAddress }, user);
        var detail = await http.GetFromJsonAsync<JsonElement>("/api/v1/underlyings/NIFTY", cancel);
        Assert.Equal("2026-12-08", detail.GetProperty("expiries")[0].GetString());

        await using var browser = await BrowserPage.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync(new Uri(host.BaseAddress, "?symbol=NIFTY&expiry=2026-12-08").ToString());
        await page.FillAsync("#email", user.User.Email);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("#login");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#market-status")).ToContainTextAsync("NSE open", new() { Timeout = Wait });

        await Assertions.Expect(page.Locator("#sum-settled")).ToBeVisibleAsync(new() { Timeout = Wait });

        var final = await http.GetFromJsonAsync<JsonElement>("/api/v1/chains/NIFTY/2026-12-08", cancel);
        var price = final.GetProperty("settlement").GetProperty("price").GetDouble();
        Assert.Equal("settled", final.GetProperty("status").GetString());
        var shown = (await page.InnerTextAsync("#sum-settled")).Split(' ')[0].Replace(",", string.Empty, StringComparison.Ordinal);
        Assert.Equal(price.ToString("F2", CultureInfo.InvariantCulture), shown);
        Assert.StartsWith("settled ", await page.InnerTextAsync("#updated"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#stale").IsHiddenAsync());
        Assert.Contains("settled", await page.InnerTextAsync("#contract-meta"), StringComparison.Ordinal);
        var options = await page.Locator("#expiry option").AllInnerTextsAsync();
        Assert.Equal("2026-12-08 · settled", options[0]);
        Assert.StartsWith("2026-12-15", options[1], StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#expiry")).ToHaveValueAsync("2026-12-08");
        await BrowserPage.ScreenshotAsync(page, "settled");
        Assert.Empty(browser.Errors);
    }
}
