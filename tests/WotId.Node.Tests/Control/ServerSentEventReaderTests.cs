// The client's bounded text/event-stream parser (WHATWG HTML §9.2.6): line endings, comments, multi-line data,
// unfinished events, bounds, and garbage (events or NodeException, nothing else).
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using CsCheck;
using WotId.Node.Api;
using WotId.Node.Control;

namespace WotId.Node.Tests.Control;

public sealed class ServerSentEventReaderTests
{
    [Fact]
    public async Task ParsesFieldsCommentsAndLineEndings()
    {
        string stream = ": hello\r\nevent: a\r\ndata: 1\r\n\r\n"
            + "data:2\rdata:  3\r\r"
            + "event: c\ndata\nid: 7\nretry: 10\nunknown: x\n\n"
            + "event: empty\n\n"
            + "event: d\ndata: {\"k\":\"v: w\"}\n\n"
            + "event: unfinished\ndata: lost";
        List<ServerSentEvent> events = await ReadAllAsync(Encoding.UTF8.GetBytes(stream), 1024);
        Assert.Equal(
            [new("a", "1"), new("message", "2\n 3"), new("c", string.Empty), new("d", "{\"k\":\"v: w\"}")],
            events);
    }

    [Fact]
    public async Task CrLfSplitAcrossReadsIsOneLineEnd()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("data: x\r\n\r\ndata: y\r\n\r\n");
        List<ServerSentEvent> events = await ReadAllAsync(bytes, 1024, chunk: 1);
        Assert.Equal([new("message", "x"), new("message", "y")], events);
    }

    [Fact]
    public async Task LineOverTheBoundIsRefused()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("data: " + new string('x', 2000));
        NodeException e = await Assert.ThrowsAsync<NodeException>(() => ReadAllAsync(bytes, 1024));
        Assert.Equal(NodeError.Failed, e.Error);
    }

    [Fact]
    public async Task EventOverTheBoundIsRefused()
    {
        StringBuilder many = new();
        for (int i = 0; i < 100; i++)
        {
            many.Append("data: ").Append(new string('x', 50)).Append('\n');
        }

        NodeException e = await Assert.ThrowsAsync<NodeException>(() => ReadAllAsync(Encoding.UTF8.GetBytes(many.ToString()), 1024));
        Assert.Equal(NodeError.Failed, e.Error);
    }

    [Fact]
    public void GarbageNeverCrashes() =>
        Gen.Select(Gen.Byte[0, 255].Array[0, 600], Gen.Int[1, 64]).Sample((bytes, chunk) =>
        {
            try
            {
                List<ServerSentEvent> events = ReadAllAsync(bytes, 256, chunk).GetAwaiter().GetResult();
                Assert.All(events, e => Assert.True(e.Data.Length <= 256));
            }
            catch (NodeException e)
            {
                Assert.Equal(NodeError.Failed, e.Error);
            }
        }, iter: 2000);

    [Fact]
    public void WriterOutputParsesBack() =>
        Gen.Select(Gen.String, Gen.String.Null(), Gen.Int[0, 3]).Sample((text, contact, kind) =>
        {
            string[] kinds = [NodeEventKinds.MessageReceived, NodeEventKinds.Started, "x\ny", "kind: with colon"];
            NodeEvent e = new(kinds[kind], DateTimeOffset.UnixEpoch, contact, Text: text);
            byte[] bytes = ServerSentEventWriter.Format(e);
            ServerSentEvent parsed = Assert.Single(ReadAllAsync(bytes, 1 << 20).GetAwaiter().GetResult());
            Assert.Equal(kinds[kind].Replace("\n", string.Empty, StringComparison.Ordinal), parsed.Type);
            Assert.Equal(e, System.Text.Json.JsonSerializer.Deserialize(parsed.Data, ControlJsonContext.Default.NodeEvent));
        }, iter: 500);

    private static async Task<List<ServerSentEvent>> ReadAllAsync(byte[] bytes, int maxEventBytes, int chunk = 4096)
    {
        using ChunkedStream stream = new(bytes, chunk);
        ServerSentEventReader reader = new(stream, maxEventBytes);
        await using (reader)
        {
            List<ServerSentEvent> events = [];
            while (await reader.ReadAsync(TestContext.Current.CancellationToken) is ServerSentEvent e)
            {
                events.Add(e);
            }

            return events;
        }
    }

    /// <summary>A read-only stream that returns at most <c>chunk</c> bytes a read, to split lines across reads.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunk) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override System.Threading.Tasks.ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, System.Threading.CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);
    }
}
