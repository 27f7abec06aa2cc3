// Sending a file from the chat page (docs/node.md "Chat in the browser"): two pages, two servers, two simulated nodes.
// A file dropped on the conversation is uploaded to the node (POST /v1/files/upload) and offered; the other page
// shows the offer with Accept and Decline, and after Accept both pages show the transfer completed with a full
// progress bar, and the received copy has the dropped bytes. A file chosen with the file button and declined ends on
// both pages.
using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using PuppeteerSharp;
using WotId.Node.Api;

namespace WotId.Node.Tests.Control.Web;

public sealed class WebFileTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ADroppedFileIsUploadedOfferedAcceptedAndCompletedOnBothPages()
    {
        await RunAsync(async (net, alice, bob) =>
        {
            // A DataTransfer with a File, dispatched as the browser does for a drop from the desktop.
            await alice.EvaluateExpressionAsync(@"(() => {
                const bytes = new Uint8Array(300000);
                for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + 3) & 255;
                const dt = new DataTransfer();
                dt.items.add(new File([bytes], 'report é.bin', { type: 'application/octet-stream' }));
                const chat = document.getElementById('chat');
                chat.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
                chat.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
            })()");

            await bob.WaitForSelectorAsync("#transfers li.in[data-state='offered'] button[data-action='accept']");
            string id = await bob.EvaluateExpressionAsync<string>("document.querySelector('#transfers li.in').dataset.id");
            await alice.WaitForSelectorAsync($"#transfers li.out[data-id='{id}'][data-state='offered']");
            Assert.Contains("report é.bin", await bob.EvaluateExpressionAsync<string>($"document.querySelector(\"#transfers li[data-id='{id}'] .name\").textContent"), StringComparison.Ordinal);

            await bob.ClickAsync($"#transfers li[data-id='{id}'] button[data-action='accept']");
            await bob.WaitForSelectorAsync($"#transfers li[data-id='{id}'][data-state='completed']");
            await alice.WaitForSelectorAsync($"#transfers li[data-id='{id}'][data-state='completed']");
            Assert.Equal(1.0, await alice.EvaluateExpressionAsync<double>($"(() => {{ const p = document.querySelector(\"#transfers li[data-id='{id}'] progress\"); return p.value / p.max; }})()"));
            Assert.Contains("completed and verified", await alice.EvaluateExpressionAsync<string>($"document.querySelector(\"#transfers li[data-id='{id}'] .progress-text\").textContent"), StringComparison.Ordinal);

            FileTransferSummary received = (await net.Node("bob").GetFileTransfersAsync()).Single();
            byte[] expected = [.. Enumerable.Range(0, 300_000).Select(i => (byte)((i * 7) + 3))];
            Assert.Equal(expected, await File.ReadAllBytesAsync(received.Path!));
        });
    }

    [Fact]
    public async Task AFileFromThePickerCanBeDeclined()
    {
        await RunAsync(async (net, alice, bob) =>
        {
            string file = Path.Combine(Path.GetTempPath(), "wotid-pick-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
            await File.WriteAllTextAsync(file, "not for bob");
            try
            {
                IElementHandle input = await alice.QuerySelectorAsync("#file-input");
                await input.UploadFileAsync(file);
                await bob.WaitForSelectorAsync("#transfers li.in[data-state='offered'] button[data-action='decline']");
                await bob.ClickAsync("#transfers li.in button[data-action='decline']");
                await alice.WaitForSelectorAsync("#transfers li.out[data-state='declined']");
                await bob.WaitForSelectorAsync("#transfers li.in[data-state='declined']");
                await alice.WaitForSelectorAsync("#activity li.refused");
            }
            finally
            {
                File.Delete(file);
            }
        });
    }

    [Theory]
    [InlineData("disk_full", 1024, "paused, no space left on this disk", "is paused: no space left on this disk",
        "receiver_disk_full", "paused, bob's disk is full", "is paused: bob's disk has no space for the rest")]
    [InlineData("destination_full", 4096, "verified, waiting for space in its destination folder", "arrived whole and verified, but its destination folder has no space",
        "receiver_destination_full", "verified by bob, waiting for space in their destination folder", "verified, but their destination folder has no space")]
    [InlineData("destination_unwritable", 4096, "verified, waiting for its destination folder to be writable", "arrived whole and verified, but its destination folder cannot be written",
        "receiver_destination_unwritable", "verified by bob, waiting for their destination folder to be writable", "verified, but their destination folder cannot be written")]
    public async Task APausedTransferSaysWhyOnBothPages(string reason, int bytes, string bobState, string bobActivity, string senderReason, string aliceState, string aliceActivity)
    {
        await RunAsync(async (net, alice, bob) =>
        {
            string file = Path.Combine(Path.GetTempPath(), "wotid-pick-" + Guid.NewGuid().ToString("N")[..8] + ".bin");
            await File.WriteAllBytesAsync(file, new byte[4096]);
            try
            {
                IElementHandle input = await alice.QuerySelectorAsync("#file-input");
                await input.UploadFileAsync(file);
                await bob.WaitForSelectorAsync("#transfers li.in[data-state='offered']");
                string id = await bob.EvaluateExpressionAsync<string>("document.querySelector('#transfers li.in').dataset.id");

                // What the runtime raises at the receiver (NodeFileDiskFullTests): the rest does not fit, or the verified
                // file does not fit in (or cannot be written to) its destination folder.
                net.Node("bob").Raise(new NodeEvent(NodeEventKinds.FileInterrupted, DateTimeOffset.UtcNow, Contact: "alice", FileId: id, Reason: reason, Bytes: bytes, Size: 4096));
                await bob.WaitForSelectorAsync($"#transfers li[data-id='{id}'][data-state='interrupted']");
                Assert.StartsWith(bobState, await ProgressTextAsync(bob, id), StringComparison.Ordinal);
                await bob.WaitForFunctionAsync("text => [...document.querySelectorAll('#activity li')].some(li => li.textContent.includes(text))", bobActivity);

                // And at the sender, once Bob's file.pause arrived.
                await alice.WaitForSelectorAsync($"#transfers li.out[data-id='{id}']");
                net.Node("alice").Raise(new NodeEvent(NodeEventKinds.FileInterrupted, DateTimeOffset.UtcNow, Contact: "bob", FileId: id, Reason: senderReason, Bytes: bytes, Size: 4096));
                await alice.WaitForSelectorAsync($"#transfers li[data-id='{id}'][data-state='interrupted']");
                Assert.StartsWith(aliceState, await ProgressTextAsync(alice, id), StringComparison.Ordinal);
                await alice.WaitForFunctionAsync("text => [...document.querySelectorAll('#activity li')].some(li => li.textContent.includes(text))", aliceActivity);
            }
            finally
            {
                File.Delete(file);
            }
        });
    }

    private static Task<string> ProgressTextAsync(IPage page, string id) =>
        page.EvaluateExpressionAsync<string>($"document.querySelector(\"#transfers li[data-id='{id}'] .progress-text\").textContent");

    private async Task RunAsync(Func<SimulatedNetwork, IPage, IPage, Task> test, [CallerMemberName] string name = "")
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
                await WebChatTests.AddAsync(alice, from: bob, expectedName: "bob");
                await WebChatTests.AddAsync(bob, from: alice, expectedName: "alice");
                await WebChatTests.OpenContactAsync(alice, "bob");
                await test(net, alice, bob);
            }, alice, bob);
        }
    }
}
