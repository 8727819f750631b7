using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DeltaStream.Testing;
using Microsoft.Playwright;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>The web UI in a real Chromium against the real gateway process (embedded mode, synthetic feed), as a new user meets it.</summary>
public sealed partial class BrowserTests(GatewayProcess gateway)
{
    private const float Wait = 60_000;
    private static readonly string[] Charts = ["chart-smile", "chart-oi", "chart-oichange", "chart-gex", "chart-pain", "chart-term", "chart-spot", "chart-ivpcr"];

    [Fact]
    public async Task A_new_user_registers_and_sees_the_live_nifty_chain_in_indian_conventions_its_charts_and_a_phone_layout()
    {
        await using var browser = await BrowserPage.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync(gateway.BaseAddress.ToString());
        await Assertions.Expect(page.Locator("#signin")).ToBeVisibleAsync();
        await page.ClickAsync("#to-register");
        await page.FillAsync("#reg-email", TestAccounts.NewEmail());
        await page.FillAsync("#reg-password", TestAccounts.Password);
        await page.ClickAsync("#register");

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#symbol")).ToHaveValueAsync("NIFTY");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#chain tbody tr[data-strike]').length === 21", null, new() { Timeout = Wait });
        // The feed quotes every contract in its first step: no blank leg, every price in Indian grouping.
        var prices = await page.Locator("#chain td[data-col='ltp'], #chain td[data-col='bid']").AllInnerTextsAsync();
        Assert.Equal(84, prices.Count);
        Assert.All(prices, p => Assert.Matches(IndianPrice(), p));
        Assert.Matches(@"^\d{2},\d{3}\.\d{2}", await page.InnerTextAsync("#sum-spot"));
        Assert.Matches(@"₹[\d,]+\.\d\d (L|Cr)$", await page.InnerTextAsync("#sum-gex"));
        Assert.Matches(@"^\d+\.\d\d%$", await page.InnerTextAsync("#sum-atmiv"));
        Assert.Matches(@"lot 75 · INR", await page.InnerTextAsync("#contract-meta"));
        // The exchange's status now, and that the embedded demo's synthetic market trades whatever it says.
        Assert.Matches(@"^NSE (open|pre-open|closed \(.+\)) · (opens|closes) .+ · synthetic market, trades around the clock$", await page.InnerTextAsync("#market-status"));
        await Assertions.Expect(page.Locator("#chain tr.atm")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#chain tr.spot-line")).ToContainTextAsync("Spot");
        Assert.True(await page.Locator("#chain tr.itm-call").CountAsync() > 0 && await page.Locator("#chain tr.itm-put").CountAsync() > 0);
        Assert.Contains("updated", await page.InnerTextAsync("#updated"), StringComparison.Ordinal);
        // The chain's pulse (insights.js, on the page's hub connection): its label, the narrative and every signal's evidence.
        await Assertions.Expect(page.Locator("#pulse-label")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(bullish|bearish|neutral|range-bound)$"), new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#pulse tbody tr")).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator("#pulse-narrative")).ToContainTextAsync("NIFTY ");

        // A cell changes: its text differs from what was first shown, and it flashed.
        const string cellTexts = "[...document.querySelectorAll('#chain tbody td')].map(td => td.textContent).join('|')";
        var before = await page.EvaluateAsync<string>($"() => {cellTexts}");
        await page.WaitForFunctionAsync($"before => {cellTexts} !== before", before, new() { Timeout = Wait });
        await page.WaitForFunctionAsync("() => document.querySelector('#chain td[data-flashes]') !== null", null, new() { Timeout = Wait });
        await BrowserPage.ScreenshotAsync(page, "chain");

        // The column chooser removes a column from both sides.
        await page.ClickAsync("#columns summary");
        await page.UncheckAsync("#column-list input[value='vega']");
        await Assertions.Expect(page.Locator("#chain td[data-col='vega']")).ToHaveCountAsync(0);

        await page.ClickAsync("#tab-charts");
        foreach (var chart in Charts)
        {
            try
            {
                await page.WaitForFunctionAsync($"() => Number(document.getElementById('{chart}').dataset.points) > 0 && document.querySelector('#{chart} canvas') !== null", null, new() { Timeout = Wait });
            }
            catch (TimeoutException)
            {
                var points = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('figure.chart')].map(f => f.id + '=' + f.dataset.points + (f.querySelector('canvas') ? '+canvas' : '')).join(' ')");
                Assert.Fail($"{chart} was not drawn: {points}; errors: {string.Join(" | ", browser.Errors)}");
            }

            Assert.True(await page.Locator($"#{chart} canvas").IsVisibleAsync(), chart);
        }

        Assert.Equal(4, int.Parse(await page.GetAttributeAsync("#chart-term", "data-points") ?? "0", CultureInfo.InvariantCulture));
        await BrowserPage.ScreenshotAsync(page, "charts");

        var theme = await page.GetAttributeAsync("html", "data-theme");
        await page.Keyboard.PressAsync("t");
        var other = theme == "light" ? "dark" : "light";
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", other);
        await BrowserPage.ScreenshotAsync(page, "charts-" + other);

        await page.Keyboard.PressAsync("1");
        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#chain tbody tr[data-strike]').length === 21");
        var overflowing = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap, .watchlist, [hidden]')).map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 10)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at phone width: " + string.Join(", ", overflowing));
        Assert.True(await page.Locator("#chain tr.atm th.strike").IsVisibleAsync());
        // The chain is scrolled to put the strike column in view (calls to its left, puts to its right).
        Assert.True(await page.EvaluateAsync<bool>(
            "() => { const r = document.querySelector('#chain tr.atm th.strike').getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth; }"), "the strike column is off screen");
        await BrowserPage.ScreenshotAsync(page, "phone");
        Assert.True(browser.Errors.Count == 0, string.Join(Environment.NewLine, browser.Errors));
    }

    [Fact]
    public async Task A_two_leg_strategy_picked_from_the_chain_shows_the_endpoints_breakeven_and_its_link_returns_after_signing_in()
    {
        using var anonymous = new HttpClient { BaseAddress = gateway.BaseAddress };
        var user = await TestAccounts.RegisterAsync(anonymous, cancellationToken: TestContext.Current.CancellationToken);
        await using var browser = await BrowserPage.OpenAsync();
        var page = browser.Page;
        await SignInAsync(page, gateway.BaseAddress.ToString(), user.User.Email);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#chain tbody tr[data-strike]').length === 21", null, new() { Timeout = Wait });

        // Buy the ATM call with the mouse, sell the call two strikes up with the keyboard. The row is held by its strike:
        // the live spot can move the ATM mark to another row between the hover and the click.
        var strike = await page.Locator("#chain tr.atm").GetAttributeAsync("data-strike") ?? "";
        var atm = page.Locator($"#chain tr[data-strike='{strike}']");
        var low = double.Parse(strike, CultureInfo.InvariantCulture);
        // The B / S buttons show while their row is hovered or holds focus; the spot line can move under the pointer and
        // take the hover (a CI run timed out on the hidden button), so the row holds focus too while it is clicked.
        await atm.Locator("th.strike").FocusAsync();
        await atm.HoverAsync();
        await atm.Locator("button[data-leg='buy'][data-right='call']").ClickAsync();
        await atm.Locator("th.strike").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        var high = await page.EvaluateAsync<double>("() => Number(document.activeElement.closest('tr').dataset.strike)");
        await page.Keyboard.PressAsync("s");
        Assert.True(high > low);

        await page.ClickAsync("#tab-strategy");
        await Assertions.Expect(page.Locator("#legs tbody tr")).ToHaveCountAsync(2);
        await page.WaitForFunctionAsync("() => document.getElementById('breakevens')?.dataset.values", null, new() { Timeout = Wait });
        await page.WaitForFunctionAsync("() => Number(document.getElementById('chart-payoff').dataset.points) > 100 && document.querySelector('#chart-payoff canvas')");
        Assert.Matches($"legs=buy-call-{low.ToString(CultureInfo.InvariantCulture)}-1,sell-call-{high.ToString(CultureInfo.InvariantCulture)}-1", page.Url);

        // The endpoint, given the premiums and IVs the page was answered with, agrees on the breakeven shown. The page
        // re-values on live updates, so the legs and the breakevens are read in one go: they are written from one answer.
        var shown = await page.EvaluateAsync<JsonElement>(
            "() => { const b = document.getElementById('breakevens'); return { legs: [...document.querySelectorAll('#legs tbody tr')].map(tr => ({ ...tr.dataset })), values: b.dataset.values, text: b.textContent }; }");
        var legs = shown.GetProperty("legs").EnumerateArray().Select(l => new
        {
            right = l.GetProperty("right").GetString(), strike = Number(l, "strike"), side = l.GetProperty("side").GetString(),
            lots = (int)Number(l, "lots"), premium = Number(l, "premium"), iv = Number(l, "iv"),
        }).ToArray();
        var expiry = await page.InputValueAsync("#expiry");
        using var http = TestAccounts.Authorize(new HttpClient { BaseAddress = gateway.BaseAddress }, user);
        var response = await http.PostAsJsonAsync(
            "/api/v1/strategy/payoff", new { symbol = "NIFTY", expiry, legs }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var breakeven = Assert.Single(answer.GetProperty("breakevens").EnumerateArray()).GetDouble();
        Assert.Equal(low + legs[0].premium - legs[1].premium, breakeven, 6);
        var pageBreakevens = JsonSerializer.Deserialize<double[]>(shown.GetProperty("values").GetString() ?? "[]");
        Assert.Equal(breakeven, Assert.Single(pageBreakevens!), 9);
        Assert.Contains(breakeven.ToString("#,##0.00", CultureInfo.InvariantCulture), shown.GetProperty("text").GetString(), StringComparison.Ordinal);
        await BrowserPage.ScreenshotAsync(page, "strategy");

        // The link opened in a new tab asks to sign in, then shows the same strategy.
        var tab = await browser.NewTabAsync();
        await SignInAsync(tab, page.Url, user.User.Email);
        await Assertions.Expect(tab.Locator("#tab-strategy")).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(tab.Locator("#legs tbody tr")).ToHaveCountAsync(2);
        await tab.WaitForFunctionAsync("() => document.getElementById('breakevens')?.dataset.values", null, new() { Timeout = Wait });
        Assert.True(browser.Errors.Count == 0, string.Join(Environment.NewLine, browser.Errors));
    }

    [Fact]
    public async Task Tokens_are_renewed_before_they_expire_and_an_ended_session_signs_in_again_to_the_same_chain()
    {
        using var anonymous = new HttpClient { BaseAddress = gateway.BaseAddress };
        var user = await TestAccounts.RegisterAsync(anonymous, cancellationToken: TestContext.Current.CancellationToken);
        using var http = TestAccounts.Authorize(new HttpClient { BaseAddress = gateway.BaseAddress }, user);
        var detail = await http.GetFromJsonAsync<JsonElement>("/api/v1/underlyings/SPY", TestContext.Current.CancellationToken);
        var expiry = detail.GetProperty("expiries")[1].GetString();
        await using var browser = await BrowserPage.OpenAsync();
        var page = browser.Page;
        await SignInAsync(page, new Uri(gateway.BaseAddress, $"?symbol=SPY&expiry={expiry}").ToString(), user.User.Email);
        await Assertions.Expect(page.Locator("#expiry")).ToHaveValueAsync(expiry!);

        // An access token 30 s from expiry is renewed at once (a minute early), and the page stays live with the new one.
        var first = await page.EvaluateAsync<string>(
            "() => { const s = JSON.parse(sessionStorage.getItem('deltastream.session')); s.expiresAt = new Date(Date.now() + 30000).toISOString(); sessionStorage.setItem('deltastream.session', JSON.stringify(s)); return s.token; }");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync($"() => JSON.parse(sessionStorage.getItem('deltastream.session')).token !== '{first}'", null, new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = Wait });

        // A refresh the server refuses ends the session: the sign-in form, then back to SPY and that expiry.
        await page.EvaluateAsync(
            "() => { const s = JSON.parse(sessionStorage.getItem('deltastream.session')); s.refreshToken = 'dsr_revoked'; s.expiresAt = new Date(Date.now() + 30000).toISOString(); sessionStorage.setItem('deltastream.session', JSON.stringify(s)); }");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#signin")).ToBeVisibleAsync(new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#auth-message")).ToContainTextAsync($"SPY {expiry}");
        await page.FillAsync("#email", user.User.Email);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("#login");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#symbol")).ToHaveValueAsync("SPY");
        await Assertions.Expect(page.Locator("#expiry")).ToHaveValueAsync(expiry!);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#chain tbody tr[data-strike]').length === 21", null, new() { Timeout = Wait });
        // US conventions for a USD instrument: thousands grouping, no lakh.
        Assert.Matches(@"^\d{3}\.\d\d", await page.InnerTextAsync("#sum-spot"));
        Assert.Matches(@"^\$[\d,.]+(K|M|B)?$|^-\$[\d,.]+(K|M|B)?$", await page.InnerTextAsync("#sum-gex"));
    }

    [Fact]
    public async Task When_the_hub_connection_is_cut_the_page_says_reconnecting_and_comes_back_live()
    {
        using var anonymous = new HttpClient { BaseAddress = gateway.BaseAddress };
        var user = await TestAccounts.RegisterAsync(anonymous, cancellationToken: TestContext.Current.CancellationToken);
        await using var browser = await BrowserPage.OpenAsync();
        var page = browser.Page;
        var down = false;
        var sockets = new List<IWebSocketRoute>();
        // The hub's socket passes through Playwright; while "down", new sockets and negotiations are refused
        // (so SignalR's fallback transports cannot get through either).
        await page.RouteWebSocketAsync(new Regex("/hubs/market"), ws =>
        {
            if (down)
            {
                // The handler is synchronous (Playwright's signature); the close is sent without waiting for it.
                _ = ws.CloseAsync();
                return;
            }

            lock (sockets)
            {
                sockets.Add(ws);
            }

            ws.ConnectToServer();
        });
        await page.RouteAsync(new Regex("/hubs/market"), route => down ? route.AbortAsync() : route.ContinueAsync());
        // A chain without an update for 2 s (instead of the default 10) is marked stale.
        await SignInAsync(page, new Uri(gateway.BaseAddress, "?symbol=NIFTY&staleAfter=2").ToString(), user.User.Email);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#chain tbody tr[data-strike]').length === 21", null, new() { Timeout = Wait });
        Assert.True(await page.Locator("#stale").IsHiddenAsync());
        Assert.True(browser.Errors.Count == 0, string.Join(Environment.NewLine, browser.Errors));

        down = true;
        IWebSocketRoute[] open;
        lock (sockets)
        {
            open = [.. sockets];
        }

        foreach (var socket in open)
        {
            await socket.CloseAsync();
        }

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("reconnecting", new() { Timeout = Wait });
        await page.WaitForFunctionAsync("() => /attempt [2-9]/.test(document.getElementById('retry').textContent)", null, new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#stale")).ToBeVisibleAsync(new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#stale")).ToContainTextAsync("no update for");
        await BrowserPage.ScreenshotAsync(page, "reconnecting");

        down = false;
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = Wait });
        var flashes = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('#chain td[data-flashes]')].reduce((n, td) => n + Number(td.dataset.flashes), 0)");
        await page.WaitForFunctionAsync(
            $"() => [...document.querySelectorAll('#chain td[data-flashes]')].reduce((n, td) => n + Number(td.dataset.flashes), 0) > {flashes}", null, new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#stale")).ToBeHiddenAsync();
        await BrowserPage.ScreenshotAsync(page, "live-again");
    }

    private static async Task SignInAsync(IPage page, string url, string email)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("#signin")).ToBeVisibleAsync();
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("#login");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = Wait });
    }

    private static double Number(JsonElement data, string name) => double.Parse(data.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{1,2},)*\d{1,3}\.\d\d$")]
    private static partial Regex IndianPrice();
}
