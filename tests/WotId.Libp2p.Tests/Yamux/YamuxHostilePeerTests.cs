using System;
using System.Net.Sockets;
using System.Threading.Tasks;
using CsCheck;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Yamux;

// A raw socket plays a malformed or hostile peer against a real session: every violation must end the session with
// a typed YamuxException (and a GoAway with the protocol-error code), never hang or crash.
public sealed class YamuxHostilePeerTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task DataBeyondTheWindowIsAProtocolError()
    {
        (YamuxSession session, NetworkStream raw) = await LoopbackPair.SessionWithRawPeerAsync();
        await using (session)
        await using (raw)
        {
            await raw.WriteAsync(LoopbackPair.Frame(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, 1, 0));
            // Oversized: 300 KiB announced on a 256 KiB window.
            await raw.WriteAsync(LoopbackPair.Frame(YamuxFrameType.Data, YamuxFlags.None, 1, 300 * 1024));
            await raw.WriteAsync(new byte[300 * 1024]);
            await AssertEndsWithAsync(session, raw, YamuxError.WindowExceeded);
        }
    }

    [Fact]
    public async Task OversizedFrameForUnknownStreamIsAProtocolError()
    {
        (YamuxSession session, NetworkStream raw) = await LoopbackPair.SessionWithRawPeerAsync();
        await using (session)
        await using (raw)
        {
            await raw.WriteAsync(LoopbackPair.Frame(YamuxFrameType.Data, YamuxFlags.None, 77, uint.MaxValue));
            await AssertEndsWithAsync(session, raw, YamuxError.WindowExceeded);
        }
    }

    [Fact]
    public async Task WindowOverflowIsAProtocolError()
    {
        (YamuxSession session, NetworkStream raw) = await LoopbackPair.SessionWithRawPeerAsync();
        await using (session)
        await using (raw)
        {
            await raw.WriteAsync(LoopbackPair.Frame(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, 1, uint.MaxValue));
            await AssertEndsWithAsync(session, raw, YamuxError.WindowOverflow);
        }
    }

    [Fact]
    public async Task StreamIdOfTheWrongParityIsAProtocolError()
    {
        (YamuxSession session, NetworkStream raw) = await LoopbackPair.SessionWithRawPeerAsync();
        await using (session)
        await using (raw)
        {
            await raw.WriteAsync(LoopbackPair.Frame(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, 2, 0));
            await AssertEndsWithAsync(session, raw, YamuxError.InvalidStreamId);
        }
    }

    [Fact]
    public async Task StreamFloodIsRefusedThenDisconnected()
    {
        var options = new YamuxOptions { MaxInboundStreams = 8, AcceptBacklog = 8, MaxRefusedStreams = 32 };
        (YamuxSession session, NetworkStream raw) = await LoopbackPair.SessionWithRawPeerAsync(options: options);
        await using (session)
        await using (raw)
        {
            var flood = new byte[100 * YamuxFrameHeader.Size];
            for (uint i = 0; i < 100; i++)
            {
                new YamuxFrameHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, (2 * i) + 1, 0).Write(flood.AsSpan((int)i * 12));
            }

            await raw.WriteAsync(flood);
            await AssertEndsWithAsync(session, raw, YamuxError.StreamLimitExceeded);
            Assert.True(session.StreamCount <= 8);
        }
    }

    [Fact]
    public async Task UnrequestedPingAckIsIgnoredAndPingsAreAnswered()
    {
        (YamuxSession session, NetworkStream raw) = await LoopbackPair.SessionWithRawPeerAsync();
        await using (session)
        await using (raw)
        {
            await raw.WriteAsync(LoopbackPair.Frame(YamuxFrameType.Ping, YamuxFlags.Ack, 0, 12345));
            await raw.WriteAsync(LoopbackPair.Frame(YamuxFrameType.Ping, YamuxFlags.Syn, 0, 4242));
            YamuxFrameHeader ack = await LoopbackPair.ReadUntilAsync(raw, h => h.Type == YamuxFrameType.Ping && h.Flags == YamuxFlags.Ack, s_timeout);
            Assert.Equal(4242u, ack.Length);
            Assert.False(session.IsClosed);
        }
    }

    [Fact]
    public async Task ArbitraryBytesEndTheSessionOnlyWithYamuxException()
    {
        await Gen.Byte.Array[1, 200].SampleAsync(async bytes =>
        {
            (YamuxSession session, NetworkStream raw) = await LoopbackPair.SessionWithRawPeerAsync(options: new YamuxOptions { KeepAliveInterval = TimeSpan.Zero });
            await using (session)
            {
                await raw.WriteAsync(bytes);
                await raw.DisposeAsync();
                await session.Completion.WaitAsync(s_timeout);
                Assert.IsType<YamuxException>(session.TerminationError);
            }
        }, iter: 40);
    }

    private static async Task AssertEndsWithAsync(YamuxSession session, NetworkStream raw, YamuxError error)
    {
        YamuxFrameHeader goAway = await LoopbackPair.ReadUntilAsync(raw, h => h.Type == YamuxFrameType.GoAway, s_timeout);
        Assert.Equal((uint)YamuxGoAwayCode.ProtocolError, goAway.Length);
        await session.Completion.WaitAsync(s_timeout);
        Assert.Equal(error, session.TerminationError!.Error);
    }
}
