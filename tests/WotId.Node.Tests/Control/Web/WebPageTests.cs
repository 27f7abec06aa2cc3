// The chat page in a real headless Chromium against a real server and a RecordingNode (docs/node.md "Chat in the
// browser"): sign-in through the printed address, who you are, contacts, history with receipts, sending, live events
// (an incoming message marked read, a read receipt, a refused handshake with its reason), and what the page says
// when the node goes away. The two-node story with real nodes is in WebChatTests.
using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using PuppeteerSharp;
using WotId.Node.Api;

namespace WotId.Node.Tests.Control.Web;

public sealed class WebPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task PageShowsWhoIAmAndMyContacts()
    {
        await RunAsync(async (h, page) =>
        {
            Assert.Equal("ALIC-E000", await TextAsync(page, "me-fingerprint"));
            string credential = await TextAsync(page, "me-credential");
            Assert.Contains("credential valid", credential, StringComparison.Ordinal);
            Assert.Contains("ISSU-ER00", credential, StringComparison.Ordinal);
            string[] contacts = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#contacts button')].map(b => b.dataset.contact)");
            Assert.Equal(["bob", "carol / ß"], contacts);
            Assert.Equal("/", await page.EvaluateExpressionAsync<string>("location.pathname + location.hash"));
        });
    }

    [Fact]
    public async Task OpeningAContactShowsItsCardHistoryAndMarksIncomingRead()
    {
        await RunAsync(async (h, page) =>
        {
            await WebChatTests.OpenContactAsync(page, "bob");
            await page.WaitForSelectorAsync("#messages li[data-id='m-1'][data-state='delivered'][data-via='mailbox']");
            Assert.Contains("claimed from their mailbox", await page.EvaluateExpressionAsync<string>("document.querySelector(\"li[data-id='m-1'] .state\").textContent"), StringComparison.Ordinal);
            Assert.Equal(string.Join(' ', Enumerable.Repeat("12345", 12)), await TextAsync(page, "contact-safety"));
            Assert.Equal("verified", await page.EvaluateExpressionAsync<string>("document.getElementById('contact-verification').dataset.verification"));
            await page.WaitForSelectorAsync("#messages li[data-id='m-7'][data-state='read']");
            await WaitForAsync(() => h.Node.Calls.Contains("read bob m-7"), "the page marks the shown message read");
        });
    }

    [Fact]
    public async Task SendingAndLiveEventsUpdateThePage()
    {
        await RunAsync(async (h, page) =>
        {
            await WebChatTests.OpenContactAsync(page, "bob");
            await page.WaitForSelectorAsync("#messages li[data-id='m-7'][data-state='read']");
            await page.TypeAsync("#compose-text", "hello from the browser");
            await page.ClickAsync("#send");
            await WaitForAsync(() => h.Node.Calls.Any(c => c.StartsWith("send bob 22 hello from the brows", StringComparison.Ordinal)), "the page sends");

            h.Node.Publish(new NodeEvent(NodeEventKinds.ReceiptRead, DateTimeOffset.UtcNow, Contact: "bob", MessageId: "m-1"));
            await page.WaitForSelectorAsync("#messages li[data-id='m-1'][data-state='read']");

            h.Node.Publish(new NodeEvent(NodeEventKinds.MessageReceived, DateTimeOffset.UtcNow, Contact: "bob", MessageId: "m-9", Text: "<b>live</b> hello", Via: DeliveryRoutes.Direct));
            await page.WaitForSelectorAsync("#messages li[data-id='m-9'][data-state='read']");
            Assert.Equal("<b>live</b> hello", await page.EvaluateExpressionAsync<string>("document.querySelector(\"li[data-id='m-9'] .text\").textContent"));
            await WaitForAsync(() => h.Node.Calls.Contains("read bob m-9"), "the page marks the live message read");

            h.Node.Publish(new NodeEvent(NodeEventKinds.HandshakeFailed, DateTimeOffset.UtcNow, PeerId: "12D3KooWMallory", Reason: "revoked"));
            await page.WaitForSelectorAsync("#activity li.refused[data-reason='revoked']");
            Assert.Contains("revoked by its issuer", await page.EvaluateExpressionAsync<string>("document.querySelector(\"#activity li[data-reason='revoked']\").textContent"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ThePrintedAddressWorksOnceAndAReloadKeepsTheSession()
    {
        await RunAsync(async (h, page) =>
        {
            await page.ReloadAsync();
            await page.WaitForSelectorAsync("body[data-ready='true']");

            (IBrowserContext other, IPage second) = await browser.NewPageAsync();
            await using (other)
            {
                await second.GoToAsync(h.WebAddress.ToString());
                await second.WaitForFunctionAsync("() => !document.getElementById('banner').hidden");
                Assert.Contains("Not signed in", await TextAsync(second, "banner"), StringComparison.Ordinal);
                Assert.Equal(string.Empty, await TextAsync(second, "me-fingerprint"));
            }
        });
    }

    [Fact]
    public async Task AStoppedNodeIsReportedWithWhatToDo()
    {
        await RunAsync(async (h, page) =>
        {
            await page.WaitForSelectorAsync("#live[data-state='live']");
            await h.Server.DisposeAsync();
            await page.WaitForSelectorAsync("#live[data-state='down']");
            await page.WaitForFunctionAsync("() => document.getElementById('banner').textContent.includes('wotid run --web')");
        });
    }

    private static async Task<string> TextAsync(IPage page, string id) =>
        await page.EvaluateExpressionAsync<string>($"document.getElementById('{id}').textContent");

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + what);
            await Task.Delay(50, ControlApiHarness.Ct);
        }
    }

    private async Task RunAsync(Func<WebHarness, IPage, Task> test, [CallerMemberName] string name = "")
    {
        await using WebHarness h = await WebHarness.StartAsync();
        (IBrowserContext context, IPage page) = await browser.NewPageAsync();
        await using (context)
        {
            await BrowserFixture.WithScreenshotsAsync(name, async () =>
            {
                await page.GoToAsync(h.WebAddress.ToString());
                await page.WaitForSelectorAsync("body[data-ready='true']");
                await test(h, page);
            }, page);
        }
    }
}
