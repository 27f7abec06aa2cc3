// One headless Chromium for the web page tests: the system's browser (Debian's `chromium`, or WOTID_CHROMIUM), driven
// over the DevTools protocol by PuppeteerSharp; nothing is downloaded. Without a browser the tests skip with the
// reason, unless WOTID_REQUIRE_BROWSER=1 (CI), where they fail. Screenshots of failed tests go to
// <test output>/browser-screenshots/.
using System;
using System.IO;
using System.Threading.Tasks;
using PuppeteerSharp;

namespace WotId.Node.Tests.Control.Web;

public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] s_candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    private IBrowser? _browser;

    /// <summary>Why there is no browser (null when there is one).</summary>
    internal string? Missing { get; private set; }

    internal static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "browser-screenshots");

    internal IBrowser Browser
    {
        get
        {
            if (_browser is null)
            {
                if (Environment.GetEnvironmentVariable("WOTID_REQUIRE_BROWSER") == "1")
                {
                    Assert.Fail("WOTID_REQUIRE_BROWSER=1 but " + Missing);
                }

                Assert.Skip(Missing ?? "no browser");
            }

            return _browser;
        }
    }

    public async ValueTask InitializeAsync()
    {
        string? path = Environment.GetEnvironmentVariable("WOTID_CHROMIUM");
        if (string.IsNullOrEmpty(path))
        {
            path = Array.Find(s_candidates, File.Exists);
        }

        if (path is null || !File.Exists(path))
        {
            Missing = "no Chromium found (install the `chromium` package or set WOTID_CHROMIUM to the browser's path)";
            return;
        }

        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = path,
            Timeout = 120_000,
            ProtocolTimeout = 120_000,

            // The tests run as root in CI containers, where Chromium's sandbox cannot start; the pages are the
            // node's own, on 127.0.0.1.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (its own cookies) with one page; generous timeouts for a loaded machine.</summary>
    internal async Task<(IBrowserContext Context, IPage Page)> NewPageAsync()
    {
        IBrowserContext context = await Browser.CreateBrowserContextAsync();
        IPage page = await context.NewPageAsync();
        page.DefaultTimeout = 90_000;
        page.DefaultNavigationTimeout = 90_000;
        return (context, page);
    }

    /// <summary>Runs <paramref name="test"/>; when it throws, saves a screenshot of each page first.</summary>
    internal static async Task WithScreenshotsAsync(string name, Func<Task> test, params IPage[] pages)
    {
        try
        {
            await test();
        }
        catch
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            for (int i = 0; i < pages.Length; i++)
            {
                try
                {
                    await pages[i].ScreenshotAsync(Path.Combine(ScreenshotDirectory, $"{name}-{i + 1}.png"), new ScreenshotOptions { FullPage = true });
                }
                catch (PuppeteerException)
                {
                    // The page is gone; the test's own failure is what matters.
                }
            }

            throw;
        }
    }
}
