// A connected-stream conformance suite in the spirit of dotnet/runtime's ConnectedStreamConformanceTests
// (src/libraries/Common/tests/StreamConformanceTests): read, write, half-close, abort, cancellation and zero-byte
// reads. Derive once per stream kind (Noise over TCP here; Yamux streams reuse it) and supply the pair factory.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Crypto;

namespace WotId.Libp2p.Tests.Conformance;

/// <summary>Behaviour every bidirectional libp2p byte stream must show.</summary>
public abstract class ConnectedStreamConformance
{
    /// <summary>Two connected ends; whatever one writes the other reads.</summary>
    protected abstract Task<(Stream A, Stream B)> CreatePairAsync(CancellationToken cancellationToken);

    /// <summary>Half-closes <paramref name="stream"/>'s writing side (the peer then reads end-of-stream).</summary>
    protected abstract ValueTask CompleteWritesAsync(Stream stream);

    /// <summary>Aborts <paramref name="stream"/> (reset).</summary>
    protected abstract void Abort(Stream stream);

    /// <summary>True when a zero-byte read waits for data (and consumes none).</summary>
    protected virtual bool BlocksOnZeroByteReads => true;

    /// <summary>True when a cancelled read leaves the stream usable.</summary>
    protected virtual bool UsableAfterCanceledReads => true;

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task WritesArriveInBothDirections()
    {
        CancellationToken ct = Timeout;
        (Stream a, Stream b) = await CreatePairAsync(ct);
        await using (a)
        await using (b)
        {
            await a.WriteAsync("hello"u8.ToArray(), ct);
            await a.FlushAsync(ct);
            Assert.Equal("hello"u8.ToArray(), await ReadExactlyAsync(b, 5, ct));
            await b.WriteAsync("world!"u8.ToArray(), ct);
            await b.FlushAsync(ct);
            Assert.Equal("world!"u8.ToArray(), await ReadExactlyAsync(a, 6, ct));
        }
    }

    [Fact]
    public async Task LargeTransfersRunBothWaysAtOnce()
    {
        CancellationToken ct = Timeout;
        (Stream a, Stream b) = await CreatePairAsync(ct);
        await using (a)
        await using (b)
        {
            byte[] ab = RandomBytes.Get(3 << 20);
            byte[] ba = RandomBytes.Get((2 << 20) + 12345);
            Task w1 = WriteInChunksAsync(a, ab, 100_003, ct);
            Task w2 = WriteInChunksAsync(b, ba, 65_536, ct);
            Task<byte[]> r1 = ReadExactlyAsync(b, ab.Length, ct);
            Task<byte[]> r2 = ReadExactlyAsync(a, ba.Length, ct);
            await Task.WhenAll(w1, w2, r1, r2);
            Assert.Equal(ab, await r1);
            Assert.Equal(ba, await r2);
        }
    }

    [Fact]
    public async Task ManySmallWritesArriveInOrder()
    {
        CancellationToken ct = Timeout;
        (Stream a, Stream b) = await CreatePairAsync(ct);
        await using (a)
        await using (b)
        {
            byte[] expected = new byte[1000];
            for (int i = 0; i < expected.Length; i++)
            {
                expected[i] = (byte)i;
                await a.WriteAsync(expected.AsMemory(i, 1), ct);
            }

            await a.FlushAsync(ct);
            Assert.Equal(expected, await ReadExactlyAsync(b, expected.Length, ct));
        }
    }

    [Fact]
    public async Task CompleteWritesGivesEndOfStreamWhileTheOtherDirectionKeepsWorking()
    {
        CancellationToken ct = Timeout;
        (Stream a, Stream b) = await CreatePairAsync(ct);
        await using (a)
        await using (b)
        {
            await a.WriteAsync("last words"u8.ToArray(), ct);
            await CompleteWritesAsync(a);
            Assert.Equal("last words"u8.ToArray(), await ReadToEndAsync(b, ct));
            Assert.Equal(0, await b.ReadAsync(new byte[10], ct));

            await b.WriteAsync("reply"u8.ToArray(), ct);
            await CompleteWritesAsync(b);
            Assert.Equal("reply"u8.ToArray(), await ReadToEndAsync(a, ct));
        }
    }

    [Fact]
    public async Task WritingAfterCompleteWritesFails()
    {
        CancellationToken ct = Timeout;
        (Stream a, Stream b) = await CreatePairAsync(ct);
        await using (a)
        await using (b)
        {
            await CompleteWritesAsync(a);
            await Assert.ThrowsAnyAsync<Exception>(async () => await a.WriteAsync(new byte[] { 1 }, ct));
            await CompleteWritesAsync(a);
        }
    }

    [Fact]
    public async Task AbortEndsThePeerAndFailsLocalUse()
    {
        CancellationToken ct = Timeout;
        (Stream a, Stream b) = await CreatePairAsync(ct);
        await using (a)
        await using (b)
        {
            Task<int> pending = b.ReadAsync(new byte[10], ct).AsTask();
            Abort(a);
            try
            {
                Assert.Equal(0, await pending);
            }
            catch (IOException)
            {
                // A reset may surface as an error instead of end-of-stream; both end the stream.
            }

            await Assert.ThrowsAnyAsync<Exception>(async () => await a.WriteAsync(new byte[] { 1 }, ct));
        }
    }

    [Fact]
    public async Task CancelledReadThrowsAndLaterDataStillArrives()
    {
        CancellationToken ct = Timeout;
        (Stream a, Stream b) = await CreatePairAsync(ct);
        await using (a)
        await using (b)
        {
            using var cancel = new CancellationTokenSource();
            ValueTask<int> read = b.ReadAsync(new byte[10], cancel.Token);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await read);
            if (!UsableAfterCanceledReads)
            {
                return;
            }

            await a.WriteAsync("after"u8.ToArray(), ct);
            await a.FlushAsync(ct);
            Assert.Equal("after"u8.ToArray(), await ReadExactlyAsync(b, 5, ct));
        }
    }

    [Fact]
    public async Task ZeroByteReadWaitsForDataAndConsumesNone()
    {
        if (!BlocksOnZeroByteReads)
        {
            Assert.Skip("this stream does not block on zero-byte reads");
        }

        CancellationToken ct = Timeout;
        (Stream a, Stream b) = await CreatePairAsync(ct);
        await using (a)
        await using (b)
        {
            Task<int> zero = b.ReadAsync(Memory<byte>.Empty, ct).AsTask();
            Assert.False(zero.IsCompleted, "no data was sent, so the zero-byte read cannot have completed");
            await a.WriteAsync("data"u8.ToArray(), ct);
            await a.FlushAsync(ct);
            Assert.Equal(0, await zero);
            Assert.Equal("data"u8.ToArray(), await ReadExactlyAsync(b, 4, ct));
        }
    }

    [Fact]
    public async Task ZeroByteReadAtEndOfStreamReturnsZero()
    {
        CancellationToken ct = Timeout;
        (Stream a, Stream b) = await CreatePairAsync(ct);
        await using (a)
        await using (b)
        {
            await CompleteWritesAsync(a);
            Assert.Empty(await ReadToEndAsync(b, ct));
            Assert.Equal(0, await b.ReadAsync(Memory<byte>.Empty, ct));
        }
    }

    [Fact]
    public async Task DisposedStreamRefusesUse()
    {
        CancellationToken ct = Timeout;
        (Stream a, Stream b) = await CreatePairAsync(ct);
        await using (b)
        {
            await a.DisposeAsync();
            await Assert.ThrowsAsync<ObjectDisposedException>(async () => { _ = await a.ReadAsync(new byte[1], ct); });
            await Assert.ThrowsAsync<ObjectDisposedException>(async () => await a.WriteAsync(new byte[1], ct));
        }
    }

    private static async Task WriteInChunksAsync(Stream s, byte[] data, int chunk, CancellationToken ct)
    {
        for (int off = 0; off < data.Length; off += chunk)
        {
            await s.WriteAsync(data.AsMemory(off, Math.Min(chunk, data.Length - off)), ct);
        }

        await s.FlushAsync(ct);
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream s, int count, CancellationToken ct)
    {
        byte[] buffer = new byte[count];
        await s.ReadExactlyAsync(buffer, ct);
        return buffer;
    }

    private static async Task<byte[]> ReadToEndAsync(Stream s, CancellationToken ct)
    {
        using var ms = new MemoryStream();
        await s.CopyToAsync(ms, ct);
        return ms.ToArray();
    }
}
