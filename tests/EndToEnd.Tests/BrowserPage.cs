using Microsoft.Playwright;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download is not available here, so ExecutablePath), one
/// page that records every console error and uncaught exception, and screenshots attached to the test (the test
/// platform writes them under its results directory: artifacts/test-results with scripts/test.sh).
/// </summary>
internal sealed class BrowserPage : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly List<string> errors = [];

    private BrowserPage(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        this.playwright = playwright;
        Browser = browser;
        Context = context;
        Page = page;
    }

    public IBrowser Browser { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Console errors and page exceptions seen so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (errors)
            {
                return [.. errors];
            }
        }
    }

    private static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public static async Task<BrowserPage> OpenAsync(int width = 1500, int height = 1000)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var opened = new BrowserPage(playwright, browser, context, page);
        opened.Watch(page);
        return opened;
    }

    /// <summary>Another tab of the same browser (its own sessionStorage, as a link opened in a new tab has).</summary>
    public async Task<IPage> NewTabAsync()
    {
        var page = await Context.NewPageAsync();
        Watch(page);
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync(new() { FullPage = true });
        TestContext.Current.AddAttachment(name + ".png", bytes, "image/png");
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await Browser.CloseAsync();
        playwright.Dispose();
    }

    private void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Record("page error: " + error);
    }

    private void Record(string error)
    {
        lock (errors)
        {
            errors.Add(error);
        }
    }
}
