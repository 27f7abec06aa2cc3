// GET /v1/events (docs/node.md "Control API"): events arrive in order through ControlApiClient.ReadEventsAsync, the
// wire form is "event: <kind>" + "data: <json>", idle streams carry heartbeat comments, and the stream ends cleanly
// when the server stops, when the node ends it, or when the client goes.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Node.Tests.Control;

public sealed class ControlApiEventTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EventsArriveInOrderAndEndWhenTheServerStops()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        List<NodeEvent> sent = [];
        for (int i = 0; i < 20; i++)
        {
            sent.Add(new NodeEvent(NodeEventKinds.MessageReceived, RecordingNode.Time.AddSeconds(i), "bob", MessageId: "m-" + i, Text: "line 1\nline 2 é 🙂 " + i, Via: DeliveryRoutes.Direct));
        }

        sent.Add(new NodeEvent(NodeEventKinds.HandshakeFailed, RecordingNode.Time, PeerId: "12D3KooWX", Reason: "revoked", Fingerprint: "ABCD-EFGH"));

        await using IAsyncEnumerator<NodeEvent> events = h.Client.ReadEventsAsync(ControlApiHarness.Ct).GetAsyncEnumerator(ControlApiHarness.Ct);
        Task<bool> first = events.MoveNextAsync().AsTask();
        await WaitForAsync(() => h.Node.Subscribers == 1);
        foreach (NodeEvent e in sent)
        {
            h.Node.Publish(e);
        }

        List<NodeEvent> received = [];
        Assert.True(await first.WaitAsync(s_wait, ControlApiHarness.Ct));
        received.Add(events.Current);
        while (received.Count < sent.Count && await events.MoveNextAsync().AsTask().WaitAsync(s_wait, ControlApiHarness.Ct))
        {
            received.Add(events.Current);
        }

        Assert.Equal(sent, received);

        Task<bool> end = events.MoveNextAsync().AsTask();
        await h.StopServerAsync();
        Assert.False(await end.WaitAsync(s_wait, ControlApiHarness.Ct));
        Assert.Equal(0, h.Node.Subscribers);
    }

    [Fact]
    public async Task StreamEndsWhenTheNodeEndsIt()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync(tcp: true);
        await using IAsyncEnumerator<NodeEvent> events = h.Client.ReadEventsAsync(ControlApiHarness.Ct).GetAsyncEnumerator(ControlApiHarness.Ct);
        Task<bool> next = events.MoveNextAsync().AsTask();
        await WaitForAsync(() => h.Node.Subscribers == 1);
        h.Node.Publish(new NodeEvent(NodeEventKinds.Started, RecordingNode.Time, Reason: "/ip4/127.0.0.1/tcp/1"));
        Assert.True(await next.WaitAsync(s_wait, ControlApiHarness.Ct));
        Assert.Equal(NodeEventKinds.Started, events.Current.Kind);
        h.Node.CompleteEvents();
        Assert.False(await events.MoveNextAsync().AsTask().WaitAsync(s_wait, ControlApiHarness.Ct));
    }

    [Fact]
    public async Task ClientThatGoesEndsTheSubscription()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using CancellationTokenSource cancel = CancellationTokenSource.CreateLinkedTokenSource(ControlApiHarness.Ct);
        IAsyncEnumerator<NodeEvent> events = h.Client.ReadEventsAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        Task<bool> next = events.MoveNextAsync().AsTask();
        await WaitForAsync(() => h.Node.Subscribers == 1);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(s_wait, ControlApiHarness.Ct));
        await events.DisposeAsync();
        await WaitForAsync(() => h.Node.Subscribers == 0);

        // The server still serves other requests.
        Assert.Equal("alice", (await h.Client.GetStatusAsync(ControlApiHarness.Ct)).Name);
    }

    [Fact]
    public async Task WireFormIsEventKindAndJsonDataWithHeartbeats()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync(heartbeat: TimeSpan.FromMilliseconds(50));
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpResponseMessage response = await raw.GetAsync("v1/events", HttpCompletionOption.ResponseHeadersRead, ControlApiHarness.Ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        using StreamReader reader = new(await response.Content.ReadAsStreamAsync(ControlApiHarness.Ct));

        Assert.Equal(": heartbeat", await reader.ReadLineAsync(ControlApiHarness.Ct).AsTask().WaitAsync(s_wait, ControlApiHarness.Ct));
        Assert.Equal(string.Empty, await reader.ReadLineAsync(ControlApiHarness.Ct));

        await WaitForAsync(() => h.Node.Subscribers == 1);
        h.Node.Publish(new NodeEvent(NodeEventKinds.ReceiptRead, RecordingNode.Time, "bob", MessageId: "m-1"));
        string? line;
        do
        {
            line = await reader.ReadLineAsync(ControlApiHarness.Ct).AsTask().WaitAsync(s_wait, ControlApiHarness.Ct);
        }
        while (line is ": heartbeat" or "");

        Assert.Equal("event: receipt.read", line);
        string? data = await reader.ReadLineAsync(ControlApiHarness.Ct);
        Assert.NotNull(data);
        Assert.StartsWith("data: ", data, StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(data["data: ".Length..]);
        Assert.Equal("receipt.read", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("bob", json.RootElement.GetProperty("contact").GetString());
        Assert.Equal("m-1", json.RootElement.GetProperty("messageId").GetString());
        Assert.Equal(string.Empty, await reader.ReadLineAsync(ControlApiHarness.Ct));
    }

    internal static async Task WaitForAsync(Func<bool> condition)
    {
        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(ControlApiHarness.Ct);
        timeout.CancelAfter(s_wait);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
