// The hand-overs between Yamux and Noise that save copying payload bytes (IYamuxTransport): a frame's header and a
// large payload are sealed as separate Noise messages straight from the writer's memory, and an opened Noise message's
// buffer is taken over by the stream it belongs to. libp2p/specs noise/README.md "Wire Format" (message boundaries
// carry no meaning), hashicorp/yamux spec.md "Framing" and "Flow Control". Real Noise over TCP on 127.0.0.1.
using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Noise;
using WotId.Libp2p.Tests.Transports;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Yamux;

public sealed class YamuxOverNoiseHandOverTests
{
    [Fact]
    public async Task TwoPartWritesArriveAsTheHeadFollowedByTheBody()
    {
        CancellationToken ct = ConnectedPairs.Timeout();
        (NoiseSecuredStream writer, NoiseSecuredStream reader) = await ConnectedPairs.NoiseOverTcpAsync(ct);
        await using (writer)
        await using (reader)
        {
            byte[] head = RandomNumberGenerator.GetBytes(780);
            byte[] body = RandomNumberGenerator.GetBytes((5 * NoiseTransportState.MaxPlaintextLength) + 123);
            byte[] headOnly = RandomNumberGenerator.GetBytes(12);
            Task write = Task.Run(
                async () =>
                {
                    await ((IYamuxTransport)writer).WriteAsync(head, body, ct);
                    await ((IYamuxTransport)writer).WriteAsync(headOnly, ReadOnlyMemory<byte>.Empty, ct);
                    await ((IYamuxTransport)writer).WriteAsync(ReadOnlyMemory<byte>.Empty, body.AsMemory(0, 9000), ct);
                },
                ct);

            byte[] received = new byte[head.Length + body.Length + headOnly.Length + 9000];
            await reader.ReadExactlyAsync(received, ct);
            await write;
            Assert.Equal(head, received[..head.Length]);
            Assert.Equal(body, received[head.Length..(head.Length + body.Length)]);
            Assert.Equal(headOnly, received[(head.Length + body.Length)..^9000]);
            Assert.Equal(body[..9000], received[^9000..]);
        }
    }

    [Fact]
    public async Task AHeadLargerThanOneNoiseMessageIsRefused()
    {
        CancellationToken ct = ConnectedPairs.Timeout();
        (NoiseSecuredStream writer, NoiseSecuredStream reader) = await ConnectedPairs.NoiseOverTcpAsync(ct);
        await using (writer)
        await using (reader)
        {
            byte[] head = new byte[NoiseTransportState.MaxPlaintextLength + 1];
            await Assert.ThrowsAsync<ArgumentException>(async () => await ((IYamuxTransport)writer).WriteAsync(head, new byte[10], ct));
        }
    }

    [Fact]
    public async Task TakingBufferedPlaintextHandsOverTheRestOfAnOpenedMessageOnlyWhenItFits()
    {
        CancellationToken ct = ConnectedPairs.Timeout();
        (NoiseSecuredStream writer, NoiseSecuredStream reader) = await ConnectedPairs.NoiseOverTcpAsync(ct);
        await using (writer)
        await using (reader)
        {
            byte[] message = RandomNumberGenerator.GetBytes(50_000);
            byte[] next = RandomNumberGenerator.GetBytes(300);
            await writer.WriteAsync(message, ct);
            await writer.WriteAsync(next, ct);
            var transport = (IYamuxTransport)reader;
            Assert.False(transport.TryTakeBuffered(int.MaxValue, out _, out _, out _));

            // A short read opens the whole 50,000-byte message and keeps the rest of it.
            byte[] first = new byte[12];
            await reader.ReadExactlyAsync(first, ct);
            Assert.Equal(message[..12], first);
            Assert.False(transport.TryTakeBuffered(49_987, out _, out _, out _));
            Assert.True(transport.TryTakeBuffered(49_988, out byte[]? lent, out int offset, out int count));
            Assert.Equal(49_988, count);
            Assert.Equal(message[12..], lent.AsSpan(offset, count).ToArray());
            System.Buffers.ArrayPool<byte>.Shared.Return(lent);

            // The taken bytes count as read: the next read starts at the following message.
            Assert.False(transport.TryTakeBuffered(int.MaxValue, out _, out _, out _));
            byte[] rest = new byte[next.Length];
            await reader.ReadExactlyAsync(rest, ct);
            Assert.Equal(next, rest);
        }
    }

    [Fact]
    public async Task ReadingAMessageNeverWaitsForTheNextOnesLengthPrefix()
    {
        CancellationToken ct = ConnectedPairs.Timeout();
        (NoiseSecuredStream writer, NoiseSecuredStream reader) = await ConnectedPairs.NoiseOverTcpAsync(ct);
        await using (writer)
        await using (reader)
        {
            // Each message is written only after the previous one was read: a read that waited for the next length
            // prefix would never finish. Sizes cover a pooled array with no spare room, one byte and several.
            foreach (int size in new[] { 65_519, 65_518, 65_517, 12, 1, 50_000 })
            {
                byte[] message = RandomNumberGenerator.GetBytes(size);
                await writer.WriteAsync(message, ct);
                byte[] received = new byte[size];
                await reader.ReadExactlyAsync(received, ct);
                Assert.Equal(message, received);
            }

            // Back to back, the read of a full-size message takes one byte of the next prefix (its pooled array has
            // one spare byte) and the next read completes the prefix.
            byte[] full = RandomNumberGenerator.GetBytes(65_519);
            byte[] small = RandomNumberGenerator.GetBytes(7);
            await writer.WriteAsync(full, ct);
            await writer.WriteAsync(small, ct);
            byte[] both = new byte[full.Length + small.Length];
            await reader.ReadExactlyAsync(both, ct);
            Assert.Equal(full, both[..full.Length]);
            Assert.Equal(small, both[full.Length..]);
        }
    }

    [Fact]
    public async Task LargeWritesArriveIntactBesideSmallMessagesOnAnotherStream()
    {
        CancellationToken ct = ConnectedPairs.Timeout(60);
        (YamuxSession client, YamuxSession server) = await SessionsAsync(ct);
        await using (client)
        await using (server)
        {
            byte[] bulk = RandomNumberGenerator.GetBytes(6 * 1024 * 1024);
            YamuxStream bulkOut = await client.OpenStreamAsync(ct);
            YamuxStream chatOut = await client.OpenStreamAsync(ct);
            await bulkOut.WriteAsync(bulk.AsMemory(0, 1), ct);
            await chatOut.WriteAsync(new byte[] { 0 }, ct);
            YamuxStream bulkIn = await server.AcceptStreamAsync(ct);
            YamuxStream chatIn = await server.AcceptStreamAsync(ct);
            Task sendBulk = Task.Run(
                async () =>
                {
                    // Odd sizes: payloads below and above the size that gets a Noise message of its own, and frames
                    // split by the window.
                    int at = 1;
                    int[] sizes = [100_003, 7, 8 * 1024, (8 * 1024) - 1, 1_000_000, 65_507, 65_508];
                    for (int i = 0; at < bulk.Length; i++)
                    {
                        int n = Math.Min(sizes[i % sizes.Length], bulk.Length - at);
                        await bulkOut.WriteAsync(bulk.AsMemory(at, n), ct);
                        at += n;
                    }

                    bulkOut.CompleteWrites();
                },
                ct);
            Task sendChat = Task.Run(
                async () =>
                {
                    for (int i = 1; i <= 200; i++)
                    {
                        await chatOut.WriteAsync(new byte[] { (byte)i }, ct);
                    }

                    chatOut.CompleteWrites();
                },
                ct);

            byte[] chat = await ReadToEndAsync(chatIn, ct);
            byte[] received = await ReadToEndAsync(bulkIn, ct);
            await Task.WhenAll(sendBulk, sendChat);
            Assert.Equal(201, chat.Length);
            for (int i = 0; i < chat.Length; i++)
            {
                Assert.Equal((byte)i, chat[i]);
            }

            Assert.Equal(bulk, received);
            Assert.Equal(0, server.BufferedBytes);
        }
    }

    [Fact]
    public async Task AFrameSharingOneNoiseMessageWithItsHeaderIsCountedAndReadIntact()
    {
        // A peer (as js-libp2p may) puts the stream's SYN, a data header and the payload's start into one Noise
        // message; the stream takes over the rest of that message and the next message whole.
        CancellationToken ct = ConnectedPairs.Timeout();
        (NoiseSecuredStream raw, NoiseSecuredStream secured) = await ConnectedPairs.NoiseOverTcpAsync(ct);
        var server = new YamuxSession(secured, isClient: false, new YamuxOptions { KeepAliveInterval = TimeSpan.Zero });
        server.Start();
        await using (raw)
        await using (server)
        {
            byte[] payload = RandomNumberGenerator.GetBytes(100_000);
            byte[] frames = new byte[(2 * YamuxFrameHeader.Size) + payload.Length];
            new YamuxFrameHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, 1, 0).Write(frames);
            new YamuxFrameHeader(YamuxFrameType.Data, YamuxFlags.None, 1, (uint)payload.Length).Write(frames.AsSpan(YamuxFrameHeader.Size));
            payload.CopyTo(frames.AsSpan(2 * YamuxFrameHeader.Size));
            await raw.WriteAsync(frames, ct);

            while (server.BufferedBytes < payload.Length)
            {
                await Task.Delay(10, ct);
            }

            Assert.Equal(payload.Length, server.BufferedBytes);
            YamuxStream stream = await server.AcceptStreamAsync(ct);
            byte[] received = new byte[payload.Length];
            await stream.ReadExactlyAsync(received, ct);
            Assert.Equal(payload, received);
            Assert.Equal(0, server.BufferedBytes);
        }
    }

    private static async Task<(YamuxSession Client, YamuxSession Server)> SessionsAsync(CancellationToken ct)
    {
        (NoiseSecuredStream i, NoiseSecuredStream r) = await ConnectedPairs.NoiseOverTcpAsync(ct);
        var client = new YamuxSession(i, isClient: true);
        var server = new YamuxSession(r, isClient: false);
        client.Start();
        server.Start();
        return (client, server);
    }

    private static async Task<byte[]> ReadToEndAsync(Stream stream, CancellationToken ct)
    {
        using var all = new MemoryStream();
        await stream.CopyToAsync(all, 64 * 1024, ct);
        return all.ToArray();
    }
}
