// Two servers, two browser pages, two simulated nodes (SimulatedNode: the runtime is not built yet): each adds the
// other from the invitation text the other page shows, they chat both ways with delivered and read receipts shown
// live, a contact whose handshake is refused shows the reason, and a message to a contact that is offline goes to its
// mailbox and is delivered (and read) when it comes back.
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using PuppeteerSharp;

namespace WotId.Node.Tests.Control.Web;

public sealed class WebChatTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TwoPagesAddEachOtherAndChatBothWaysWithReceipts()
    {
        await RunAsync(async (net, alice, bob) =>
        {
            await AddAsync(alice, from: bob, expectedName: "bob");
            await AddAsync(bob, from: alice, expectedName: "alice");

            string toBob = await SendAsync(alice, "hello bob");
            await bob.WaitForSelectorAsync($"#messages li.in[data-id='{toBob}'][data-state='read']");
            await alice.WaitForSelectorAsync($"#messages li.out[data-id='{toBob}'][data-state='read']");

            string toAlice = await SendAsync(bob, "hello alice");
            await alice.WaitForSelectorAsync($"#messages li.in[data-id='{toAlice}'][data-state='read']");
            await bob.WaitForSelectorAsync($"#messages li.out[data-id='{toAlice}'][data-state='read']");
            Assert.Equal("verified", await alice.EvaluateExpressionAsync<string>("document.getElementById('contact-verification').dataset.verification"));
        });
    }

    [Fact]
    public async Task ARefusedHandshakeShowsItsReason()
    {
        await RunAsync(async (net, alice, bob) =>
        {
            net.Add("mallory", handshakeFailure: "untrusted_issuer");
            await alice.ClickAsync("#add summary");
            await alice.TypeAsync("#add-invitation", SimulatedNetwork.InvitationOf("mallory"));
            await alice.ClickAsync("#add-button");
            await alice.WaitForSelectorAsync("#activity li.refused[data-reason='untrusted_issuer']");
            string text = await alice.EvaluateExpressionAsync<string>("document.querySelector(\"#activity li[data-reason='untrusted_issuer']\").textContent");
            Assert.Contains("issuer this node does not trust", text, System.StringComparison.Ordinal);
            Assert.Contains("mallory", text, System.StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AMessageToAnOfflineContactWaitsInItsMailboxAndIsDeliveredLater()
    {
        await RunAsync(async (net, alice, bob) =>
        {
            await AddAsync(alice, from: bob, expectedName: "bob");
            await AddAsync(bob, from: alice, expectedName: "alice");
            net.Node("bob").GoOffline();

            string id = await SendAsync(alice, "while you were away");
            await alice.WaitForSelectorAsync($"#messages li[data-id='{id}'][data-state='deposited'][data-via='mailbox']");
            Assert.Contains("in their mailbox", await alice.EvaluateExpressionAsync<string>($"document.querySelector(\"li[data-id='{id}'] .state\").textContent"), System.StringComparison.Ordinal);

            net.Node("bob").ComeBackAndClaim();
            await bob.WaitForSelectorAsync("#activity li.claimed");
            await bob.WaitForSelectorAsync($"#messages li.in[data-id='{id}'][data-via='mailbox'][data-state='read']");
            await alice.WaitForSelectorAsync($"#messages li.out[data-id='{id}'][data-state='read']");
        });
    }

    /// <summary>Shows <paramref name="from"/>'s invitation on its page, copies the text into <paramref name="to"/>'s add form, adds.</summary>
    internal static async Task AddAsync(IPage to, IPage from, string expectedName)
    {
        await from.ClickAsync("#invite summary");
        await from.ClickAsync("#invite-button");
        await from.WaitForFunctionAsync("() => document.getElementById('invite-uri').value.startsWith('wotid:')");
        string invitation = await from.EvaluateExpressionAsync<string>("document.getElementById('invite-uri').value");
        await to.ClickAsync("#add summary");
        await to.TypeAsync("#add-invitation", invitation);
        await to.ClickAsync("#add-button");
        await to.WaitForSelectorAsync($"#contacts button[data-contact='{expectedName}'][aria-current='true']");
        await to.WaitForFunctionAsync($"() => document.getElementById('contact-name').textContent === '{expectedName}'");
    }

    /// <summary>
    /// Opens a contact's conversation. The click runs in the page in one step: the list is re-rendered whenever
    /// contacts reload (stream reconnects, handshakes), so an element handle taken earlier may be gone.
    /// </summary>
    internal static async Task OpenContactAsync(IPage page, string name)
    {
        await page.WaitForSelectorAsync($"#contacts button[data-contact='{name}']");
        await page.EvaluateExpressionAsync($"document.querySelector(\"#contacts button[data-contact='{name}']\").click()");
        await page.WaitForFunctionAsync($"() => document.getElementById('contact-name').textContent === '{name}'");
    }

    /// <summary>Sends from the open conversation; returns the new message's id once the page shows it.</summary>
    internal static async Task<string> SendAsync(IPage page, string text)
    {
        int before = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#messages li.out[data-id]').length");
        await page.TypeAsync("#compose-text", text);
        await page.ClickAsync("#send");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#messages li.out[data-id]').length > {before}");
        return await page.EvaluateExpressionAsync<string>("[...document.querySelectorAll('#messages li.out[data-id]')].pop().dataset.id");
    }

    private async Task RunAsync(System.Func<SimulatedNetwork, IPage, IPage, Task> test, [CallerMemberName] string name = "")
    {
        SimulatedNetwork net = new();
        await using WebHarness a = await WebHarness.StartAsync(net.Add("alice"));
        await using WebHarness b = await WebHarness.StartAsync(net.Add("bob"));
        (IBrowserContext contextA, IPage alice) = await browser.NewPageAsync();
        (IBrowserContext contextB, IPage bob) = await browser.NewPageAsync();
        await using (contextA)
        await using (contextB)
        {
            await BrowserFixture.WithScreenshotsAsync(name, async () =>
            {
                await alice.GoToAsync(a.WebAddress.ToString());
                await bob.GoToAsync(b.WebAddress.ToString());
                await alice.WaitForSelectorAsync("#live[data-state='live']");
                await bob.WaitForSelectorAsync("#live[data-state='live']");
                await test(net, alice, bob);
            }, alice, bob);
        }
    }
}
