// The chat page in headless Chromium in front of real nodes (WotIdNode on 127.0.0.1 with real profiles, credentials
// from a test issuer and a shared embedded mailbox, as in the runtime tests), one web server and one page per node:
// contacts added through the invitation each page shows, chat both ways with delivered and read receipts, a refused
// handshake with its reason, and a message to a stopped node delivered through its mailbox after it restarts.
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using PuppeteerSharp;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Control.Web;

public sealed class WebRealNodeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TwoRealNodesChatBothWaysInTwoPagesAndARefusedHandshakeShowsItsReason()
    {
        using RuntimeWorld world = new();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        (NodeProfile malloryPro, _) = await world.CreateAsync("mallory", world.OtherIssuer);
        await using WotIdNode aliceNode = await world.StartAsync(alicePro);
        await using WotIdNode bobNode = await world.StartAsync(bobPro);
        await using WotIdNode malloryNode = await world.StartAsync(malloryPro);
        await using WebHarness a = await WebHarness.StartAsync(aliceNode);
        await using WebHarness b = await WebHarness.StartAsync(bobNode);
        await TwoPagesAsync(a, b, async (alice, bob) =>
        {
            await WebChatTests.AddAsync(alice, from: bob, expectedName: "bob");
            await WebChatTests.AddAsync(bob, from: alice, expectedName: "alice");

            string toBob = await WebChatTests.SendAsync(alice, "hello bob");
            await bob.WaitForSelectorAsync($"#messages li.in[data-id='{toBob}'][data-state='read']");
            await alice.WaitForSelectorAsync($"#messages li.out[data-id='{toBob}'][data-state='read']");
            string toAlice = await WebChatTests.SendAsync(bob, "hello alice");
            await alice.WaitForSelectorAsync($"#messages li.in[data-id='{toAlice}'][data-state='read']");
            await bob.WaitForSelectorAsync($"#messages li.out[data-id='{toAlice}'][data-state='read']");

            // Mallory's credential comes from an issuer Alice does not trust: her node refuses the handshake.
            await malloryNode.AddContactAsync(await aliceNode.CreateInvitationAsync(TestProfiles.Ct), "alice", TestProfiles.Ct);
            await malloryNode.SendTextAsync("alice", "let me in", TestProfiles.Ct);
            await alice.WaitForSelectorAsync("#activity li.refused[data-reason='untrusted_issuer']");
        });
    }

    [Fact]
    public async Task AMessageToAStoppedNodeIsDeliveredThroughTheMailboxAfterItRestarts()
    {
        using RuntimeWorld world = new();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        await using WotIdNode aliceNode = await world.StartAsync(alicePro);
        await using (WotIdNode bobFirst = await world.StartAsync(bobPro))
        {
            await RuntimeWorld.IntroduceAsync(aliceNode, "bob", bobFirst, "alice");
        }

        await using WebHarness a = await WebHarness.StartAsync(aliceNode);
        (IBrowserContext contextA, IPage alice) = await browser.NewPageAsync();
        await using (contextA)
        {
            string id = string.Empty;
            await BrowserFixture.WithScreenshotsAsync(nameof(AMessageToAStoppedNodeIsDeliveredThroughTheMailboxAfterItRestarts), async () =>
            {
                await OpenAsync(alice, a);
                await WebChatTests.OpenContactAsync(alice, "bob");
                id = await WebChatTests.SendAsync(alice, "while you were away");
                await alice.WaitForSelectorAsync($"#messages li[data-id='{id}'][data-via='mailbox']");
            }, alice);

            await using WotIdNode bobNode = await world.StartAsync(await world.OpenAsync("bob"));
            await using WebHarness b = await WebHarness.StartAsync(bobNode);
            (IBrowserContext contextB, IPage bob) = await browser.NewPageAsync();
            await using (contextB)
            {
                await BrowserFixture.WithScreenshotsAsync(nameof(AMessageToAStoppedNodeIsDeliveredThroughTheMailboxAfterItRestarts) + "-after", async () =>
                {
                    await OpenAsync(bob, b);
                    await WebChatTests.OpenContactAsync(bob, "alice");
                    await bob.WaitForSelectorAsync($"#messages li.in[data-id='{id}'][data-via='mailbox'][data-state='read']");
                    await alice.WaitForSelectorAsync($"#messages li.out[data-id='{id}'][data-state='read']");
                }, alice, bob);
            }
        }
    }

    private static async Task OpenAsync(IPage page, WebHarness server)
    {
        await page.GoToAsync(server.WebAddress.ToString());
        await page.WaitForSelectorAsync("#live[data-state='live']");
    }

    private async Task TwoPagesAsync(WebHarness a, WebHarness b, System.Func<IPage, IPage, Task> test, [CallerMemberName] string name = "")
    {
        (IBrowserContext contextA, IPage alice) = await browser.NewPageAsync();
        (IBrowserContext contextB, IPage bob) = await browser.NewPageAsync();
        await using (contextA)
        await using (contextB)
        {
            await BrowserFixture.WithScreenshotsAsync(name, async () =>
            {
                await OpenAsync(alice, a);
                await OpenAsync(bob, b);
                await test(alice, bob);
            }, alice, bob);
        }
    }
}
