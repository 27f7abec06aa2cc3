// multistream-select 1.0 behaviour (libp2p/specs connections/README.md), scenarios after go-multistream's
// multistream_test.go (TestProtocolNegotiation, TestSelectFails, TestTooLargeMessage, ...), over real TCP.
using System;
using System.Buffers;
using System.IO;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Libp2p.Multistream;
using WotId.Libp2p.Tests.Transports;
using WotId.Libp2p.Transports;

namespace WotId.Libp2p.Tests.Multistream;

public sealed class MultistreamSelectTests
{
    [Fact]
    public async Task DialerAndListenerAgreeOnTheFirstSupportedProtocol()
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection a, TransportConnection b) = await ConnectedPairs.TcpAsync(ct);
        await using (a)
        await using (b)
        {
            ValueTask<string> listener = MultistreamSelect.HandleAsync(b, ["/b/1", "/c/1"], ct);
            string selected = await MultistreamSelect.SelectAsync(a, ["/a/1", "/b/1", "/c/1"], ct);
            Assert.Equal("/b/1", selected);
            Assert.Equal("/b/1", await listener);

            // The streams belong to the protocol now: bytes pass unchanged both ways.
            await a.WriteAsync("ping"u8.ToArray(), ct);
            byte[] got = new byte[4];
            await b.ReadExactlyAsync(got, ct);
            Assert.Equal("ping"u8.ToArray(), got);
        }
    }

    [Fact]
    public async Task NoCommonProtocolFailsTheDialerAndTheListenerSeesTheEnd()
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection a, TransportConnection b) = await ConnectedPairs.TcpAsync(ct);
        await using (b)
        {
            ValueTask<string> listener = MultistreamSelect.HandleAsync(b, ["/x/1"], ct);
            await using (a)
            {
                var e = await Assert.ThrowsAsync<MultistreamException>(async () => await MultistreamSelect.SelectAsync(a, ["/a/1", "/b/1"], ct));
                Assert.Equal(MultistreamError.NoProtocolInCommon, e.Error);
            }

            var le = await Assert.ThrowsAnyAsync<IOException>(async () => await listener);
            Assert.True(le is MultistreamException { Error: MultistreamError.EndOfStream } || le is not MultistreamException);
        }
    }

    [Fact]
    public async Task ListenerAnswersLsLikeJsAndThenStillNegotiates()
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection a, TransportConnection b) = await ConnectedPairs.TcpAsync(ct);
        await using (a)
        await using (b)
        {
            ValueTask<string> listener = MultistreamSelect.HandleAsync(b, ["/p/1", "/q/2"], ct);
            var w = new ArrayBufferWriter<byte>();
            MultistreamCodec.Write(w, MultistreamSelect.ProtocolId);
            MultistreamCodec.Write(w, "ls");
            await a.WriteAsync(w.WrittenMemory, ct);

            Assert.Equal(MultistreamSelect.ProtocolId, await ReadMessageAsync(a));
            string list = await ReadMessageAsync(a);
            var inner = new ArrayBufferWriter<byte>();
            MultistreamCodec.Write(inner, "/p/1");
            MultistreamCodec.Write(inner, "/q/2");
            Assert.Equal(System.Text.Encoding.UTF8.GetString(inner.WrittenSpan), list);

            w.ResetWrittenCount();
            MultistreamCodec.Write(w, "/q/2");
            await a.WriteAsync(w.WrittenMemory, ct);
            Assert.Equal("/q/2", await ReadMessageAsync(a));
            Assert.Equal("/q/2", await listener);
        }
    }

    [Fact]
    public async Task ListenerKeepsBytesSentRightAfterTheProposal()
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection a, TransportConnection b) = await ConnectedPairs.TcpAsync(ct);
        await using (a)
        await using (b)
        {
            // Lazy (0-RTT) dialer as go-libp2p does it: header, proposal and data in one burst.
            var w = new ArrayBufferWriter<byte>();
            MultistreamCodec.Write(w, MultistreamSelect.ProtocolId);
            MultistreamCodec.Write(w, "/echo/1");
            w.Write("early data"u8);
            await a.WriteAsync(w.WrittenMemory, ct);
            Assert.Equal("/echo/1", await MultistreamSelect.HandleAsync(b, ["/echo/1"], ct));
            byte[] got = new byte[10];
            await b.ReadExactlyAsync(got, ct);
            Assert.Equal("early data"u8.ToArray(), got);
        }
    }

    [Theory]
    [InlineData("8110", MultistreamError.MessageTooLong)]
    [InlineData("ffffff01", MultistreamError.MessageTooLong)]
    [InlineData("00", MultistreamError.MissingNewline)]
    [InlineData("03616263", MultistreamError.MissingNewline)]
    [InlineData("03ff610a", MultistreamError.InvalidText)]
    [InlineData("0b2f666f6f2f312e302e300a", MultistreamError.BadHeader)]
    public async Task MalformedFirstMessagesFailTheListenerWithTypedErrors(string hex, MultistreamError error)
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection a, TransportConnection b) = await ConnectedPairs.TcpAsync(ct);
        await using (a)
        await using (b)
        {
            await a.WriteAsync(Hex.Decode(hex), ct);
            var e = await Assert.ThrowsAsync<MultistreamException>(async () => await MultistreamSelect.HandleAsync(b, ["/x"], ct));
            Assert.Equal(error, e.Error);
        }
    }

    [Fact]
    public async Task OversizedLineFromTheListenerFailsTheDialer()
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection a, TransportConnection b) = await ConnectedPairs.TcpAsync(ct);
        await using (a)
        await using (b)
        {
            var w = new ArrayBufferWriter<byte>();
            MultistreamCodec.Write(w, MultistreamSelect.ProtocolId);
            MultistreamCodec.Write(w, new string('x', 2000));
            await b.WriteAsync(w.WrittenMemory, ct);
            var e = await Assert.ThrowsAsync<MultistreamException>(async () => await MultistreamSelect.SelectAsync(a, ["/a"], ct));
            Assert.Equal(MultistreamError.MessageTooLong, e.Error);
        }
    }

    [Fact]
    public async Task ListenerGivesUpAfterTooManyRefusals()
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection a, TransportConnection b) = await ConnectedPairs.TcpAsync(ct);
        await using (a)
        await using (b)
        {
            var w = new ArrayBufferWriter<byte>();
            MultistreamCodec.Write(w, MultistreamSelect.ProtocolId);
            for (int i = 0; i <= MultistreamSelect.MaxListenerAttempts; i++)
            {
                MultistreamCodec.Write(w, "/nope/" + i);
            }

            await a.WriteAsync(w.WrittenMemory, ct);
            var e = await Assert.ThrowsAsync<MultistreamException>(async () => await MultistreamSelect.HandleAsync(b, ["/x"], ct));
            Assert.Equal(MultistreamError.TooManyAttempts, e.Error);
        }
    }

    [Fact]
    public async Task InvalidProtocolIdsAreRefusedBeforeSending()
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection a, TransportConnection b) = await ConnectedPairs.TcpAsync(ct);
        await using (a)
        await using (b)
        {
            var e = await Assert.ThrowsAsync<MultistreamException>(async () => await MultistreamSelect.SelectAsync(a, ["bad\nid"], ct));
            Assert.Equal(MultistreamError.InvalidProtocolId, e.Error);
            await Assert.ThrowsAsync<MultistreamException>(async () => await MultistreamSelect.SelectAsync(a, [new string('p', 1024)], ct));
        }
    }

    private static async Task<string> ReadMessageAsync(Stream s)
    {
        byte[] buf = new byte[2048];
        int have = 0;
        while (true)
        {
            have += await s.ReadAsync(buf.AsMemory(have, 1));
            if (MultistreamCodec.TryReadLength(buf.AsSpan(0, have), out int length, out _) == OperationStatus.Done)
            {
                await s.ReadExactlyAsync(buf.AsMemory(0, length));
                return MultistreamCodec.DecodeBody(buf.AsSpan(0, length));
            }
        }
    }
}
