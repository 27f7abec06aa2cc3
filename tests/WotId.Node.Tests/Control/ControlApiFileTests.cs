// The file transfer endpoints (docs/node.md "Control API"): each ControlApiClient call reaches the node with exactly
// its arguments and returns the node's FileTransferSummary; unknown ids are 404 unknown_file both ways; paths must be
// absolute on the server and the client makes a relative one absolute; the upload endpoint stores the body in the
// profile, owner-only, and offers that copy.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Node.Tests.Control;

public sealed class ControlApiFileTests
{
    [Fact]
    public async Task SendFileRoundTripsAndMakesARelativePathAbsolute()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        FileTransferSummary sent = await h.Client.SendFileAsync("carol / ß", "/srv/data/report.pdf", ControlApiHarness.Ct);
        Assert.Equal(h.Node.Transfer with { Contact = "carol / ß", Direction = FileTransferDirections.Outgoing, Path = "/srv/data/report.pdf", State = FileTransferStates.Queued }, sent);

        await h.Client.SendFileAsync("bob", "relative/x.bin", ControlApiHarness.Ct);
        Assert.Equal(["sendfile carol / ß /srv/data/report.pdf", "sendfile bob " + Path.GetFullPath("relative/x.bin")], h.Node.Calls);
    }

    [Fact]
    public async Task ListAcceptDeclineCancelAndAutoAcceptRoundTrip()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        IReadOnlyList<FileTransferSummary> all = await h.Client.GetFileTransfersAsync(ControlApiHarness.Ct);
        Assert.Equal(2, all.Count);
        Assert.Equal(h.Node.Transfer, all[0]);
        Assert.Equal("hash mismatch", all[1].Reason);
        Assert.Equal(FileTransferStates.Failed, all[1].State);

        Assert.Equal(FileTransferStates.Transferring, (await h.Client.AcceptFileAsync("f-1", null, ControlApiHarness.Ct)).State);
        string downloads = Path.Combine(Path.GetTempPath(), "bob-downloads");
        Assert.Equal("f-2", (await h.Client.AcceptFileAsync("f-2", downloads, ControlApiHarness.Ct)).Id);
        Assert.Equal(FileTransferStates.Declined, (await h.Client.DeclineFileAsync("f-3", ControlApiHarness.Ct)).State);
        Assert.Equal(FileTransferStates.Cancelled, (await h.Client.CancelFileAsync("f/4?", ControlApiHarness.Ct)).State);
        await h.Client.SetFileAutoAcceptAsync("carol / ß", true, ControlApiHarness.Ct);
        await h.Client.SetFileAutoAcceptAsync("bob", false, ControlApiHarness.Ct);
        Assert.Equal(
            ["files", "acceptfile f-1 <default>", "acceptfile f-2 " + downloads, "declinefile f-3", "cancelfile f/4?", "autoaccept carol / ß True", "autoaccept bob False"],
            h.Node.Calls);
    }

    [Fact]
    public async Task AcceptWithoutABodyUsesTheDownloadDirectory()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpResponseMessage response = await raw.PostAsync("v1/files/f-9/accept", null, ControlApiHarness.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["acceptfile f-9 <default>"], h.Node.Calls);
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("decline")]
    [InlineData("cancel")]
    public async Task UnknownFileIsA404BothWays(string verb)
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        h.Node.FailNext = new NodeException(NodeError.UnknownFile, "no file transfer f-0");
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpResponseMessage response = await raw.PostAsync($"v1/files/f-0/{verb}", null, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.NotFound, "unknown_file");

        h.Node.FailNext = new NodeException(NodeError.UnknownFile, "no file transfer f-0");
        Func<Task> call = verb switch
        {
            "accept" => () => h.Client.AcceptFileAsync("f-0", null, ControlApiHarness.Ct),
            "decline" => () => h.Client.DeclineFileAsync("f-0", ControlApiHarness.Ct),
            _ => () => h.Client.CancelFileAsync("f-0", ControlApiHarness.Ct),
        };
        NodeException e = await Assert.ThrowsAsync<NodeException>(call);
        Assert.Equal(NodeError.UnknownFile, e.Error);
        Assert.Equal("no file transfer f-0", e.Message);
    }

    [Theory]
    [InlineData("{\"contact\":\"bob\",\"path\":\"relative/x\"}")]
    [InlineData("{\"contact\":\"bob\",\"path\":\"\"}")]
    [InlineData("{\"contact\":\"\",\"path\":\"/x\"}")]
    [InlineData("{\"contact\":\"bob\"}")]
    public async Task SendFileNeedsAContactAndAnAbsolutePath(string body)
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpResponseMessage response = await raw.PostAsync("v1/files", new StringContent(body, new MediaTypeHeaderValue("application/json")), ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_input");
        Assert.Empty(h.Node.Calls);
    }

    [Fact]
    public async Task AcceptIntoARelativeDirectoryOrATooLongIdIsInvalid()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpResponseMessage relative = await raw.PostAsJsonAsync("v1/files/f-1/accept", new { directory = "Downloads" }, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(relative, HttpStatusCode.BadRequest, "invalid_input");
        NodeException e = await Assert.ThrowsAsync<NodeException>(() => h.Client.DeclineFileAsync(new string('f', 129), ControlApiHarness.Ct));
        Assert.Equal(NodeError.InvalidInput, e.Error);
        Assert.Empty(h.Node.Calls);
    }

    [Fact]
    public async Task UploadStoresTheBodyOwnerOnlyInTheProfileAndOffersIt()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync(tcp: true);
        using HttpClient raw = h.RawClient(withToken: true);

        // Larger than the JSON body limit (128 KiB), streamed without a declared length.
        byte[] bytes = new byte[700_001];
        new Random(11).NextBytes(bytes);
        using StreamContent content = new(new MemoryStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using HttpResponseMessage response = await raw.PostAsync("v1/files/upload?contact=bob&name=" + Uri.EscapeDataString("holiday é.jpg"), content, ControlApiHarness.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        FileTransferSummary offered = (await response.Content.ReadFromJsonAsync<FileTransferSummary>(ControlApiHarness.Ct))!;

        string stored = offered.Path!;
        Assert.Equal(Path.Combine(h.Home, "files", "outgoing"), Path.GetDirectoryName(Path.GetDirectoryName(stored)));
        Assert.Equal("holiday é.jpg", Path.GetFileName(stored));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(stored, ControlApiHarness.Ct));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored));
        }

        Assert.Equal(["files", "sendfile bob " + stored], h.Node.Calls);
    }

    [Theory]
    [InlineData("../evil", "invalid_input")]
    [InlineData("a/b", "invalid_input")]
    [InlineData("..", "invalid_input")]
    [InlineData("bell\u0007", "invalid_input")]
    [InlineData("", "invalid_input")]
    public async Task UploadRefusesNamesThatAreNotPlainFileNames(string name, string code)
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        using ByteArrayContent content = new([1, 2, 3]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using HttpResponseMessage response = await raw.PostAsync("v1/files/upload?contact=bob&name=" + Uri.EscapeDataString(name), content, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Empty(h.Node.Calls);
        Assert.False(Directory.Exists(Path.Combine(h.Home, "files")));
    }

    [Fact]
    public async Task UploadNeedsOctetStream()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpResponseMessage response = await raw.PostAsJsonAsync("v1/files/upload?contact=bob&name=a.txt", new { x = 1 }, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Empty(h.Node.Calls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UploadOverTheLimitIsRefusedAndLeavesNothing(bool declareLength)
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync(maxUploadBytes: 1000);
        using HttpClient raw = h.RawClient(withToken: true);
        HttpContent content = declareLength ? new ByteArrayContent(new byte[1001]) : new StreamContent(new MemoryStream(new byte[300_000]));
        using (content)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using HttpResponseMessage response = await raw.PostAsync("v1/files/upload?contact=bob&name=big.bin", content, ControlApiHarness.Ct);
            await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        }

        Assert.DoesNotContain(h.Node.Calls, c => c.StartsWith("sendfile", StringComparison.Ordinal));
        string outgoing = Path.Combine(h.Home, "files", "outgoing");
        Assert.True(!Directory.Exists(outgoing) || !Directory.EnumerateFileSystemEntries(outgoing).Any());
    }

    [Fact]
    public async Task AFailedOfferRemovesTheStoredUpload()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        using ByteArrayContent first = new([1, 2, 3]);
        first.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        h.Node.FailNext = null;

        // The listing of ended transfers answers first; the offer itself then fails.
        h.Node.FailAfter = new NodeException(NodeError.UnknownContact, "no contact zed");
        using HttpResponseMessage response = await raw.PostAsync("v1/files/upload?contact=zed&name=a.bin", first, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.NotFound, "unknown_contact");
        Assert.False(Directory.EnumerateFileSystemEntries(Path.Combine(h.Home, "files", "outgoing")).Any());
    }
}
