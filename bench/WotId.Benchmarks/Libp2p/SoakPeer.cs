// One honest peer of the soak run (SoakConsole): sends numbered 64-byte messages on one stream at a steady rate and
// reads the server's acknowledgement of each, in order. A message counts as delivered only once acknowledged. When the
// stream or the connection fails (for example an unanswered Yamux keep-alive on an overloaded machine), the peer opens
// a new stream (dialling again if the connection is gone), counts the reconnect and resends every message not yet
// acknowledged, oldest first, so "lost" (sent and never acknowledged) keeps its meaning; the server counts the
// duplicates that resending causes. A round trip is measured from the first send, so an outage shows in the figures.
using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Peer;

namespace WotId.Benchmarks.Libp2p;

/// <summary>A soak peer that resends until acknowledged and reconnects when dropped.</summary>
internal sealed class SoakPeer(Libp2pHost host, PeerId server, int rate, int seconds)
{
    private readonly int _total = rate * seconds;
    private readonly long[] _sentAt = new long[rate * seconds];
    private readonly double[] _rtts = new double[rate * seconds];
    private int _written;
    private int _acked;

    /// <summary>Distinct messages written at least once.</summary>
    public int Sent => Volatile.Read(ref _written);

    /// <summary>Messages acknowledged (each once, in order).</summary>
    public int Acknowledged => Volatile.Read(ref _acked);

    /// <summary>Streams reopened after a failure.</summary>
    public int Reconnects { get; private set; }

    /// <summary>Of <see cref="Reconnects"/>, those whose connection had closed (a new dial).</summary>
    public int ConnectionsLost { get; private set; }

    /// <summary>Messages written again after a reconnect.</summary>
    public int Resent { get; private set; }

    /// <summary>Acknowledgements with an unexpected number (a bug if ever non-zero).</summary>
    public int Misordered { get; private set; }

    /// <summary>Round trips of the acknowledged messages, in milliseconds.</summary>
    public ReadOnlySpan<double> RoundTrips => _rtts.AsSpan(0, Acknowledged);

    /// <summary>Chats until every message is acknowledged or <paramref name="giveUp"/> fires.</summary>
    public async Task RunAsync(CancellationToken giveUp)
    {
        long t0 = Stopwatch.GetTimestamp();
        // Spread the peers' send times over the first period.
        await Task.Delay(Random.Shared.Next(Math.Max(1, 1000 / rate)), CancellationToken.None).ConfigureAwait(false);
        while (Acknowledged < _total && !giveUp.IsCancellationRequested)
        {
            Libp2pStream? stream = null;
            try
            {
                stream = await OpenAsync(giveUp).ConfigureAwait(false);
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(giveUp);
                Task reader = ReadAcksAsync(stream, attempt.Token);
                Task writer = WriteAsync(stream, t0, attempt.Token);
                Task first = await Task.WhenAny(reader, writer).ConfigureAwait(false);
                if (!first.IsCompletedSuccessfully)
                {
                    await attempt.CancelAsync().ConfigureAwait(false);
                    stream.Abort();
                }

                await Task.WhenAll(reader, writer).ConfigureAwait(false);
                stream.CompleteWrites();
                await stream.DisposeAsync().ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidDataException)
            {
                if (giveUp.IsCancellationRequested)
                {
                    return;
                }

                Reconnects++;
                if (stream is null || stream.Connection.IsClosed)
                {
                    ConnectionsLost++;
                }

                stream?.Abort();
                try
                {
                    await Task.Delay(100, giveUp).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task WriteAsync(Libp2pStream stream, long t0, CancellationToken cancellationToken)
    {
        var message = new byte[SoakConsole.MessageSize];
        // First what an earlier stream sent and nobody acknowledged (the reader of that stream has ended).
        for (int i = Acknowledged; i < Sent; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(message, i);
            await stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            Resent++;
        }

        while (Sent < _total)
        {
            int i = Sent;
            TimeSpan due = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(t0);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken).ConfigureAwait(false);
            }

            BinaryPrimitives.WriteInt32LittleEndian(message, i);
            Volatile.Write(ref _sentAt[i], Stopwatch.GetTimestamp());
            await stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _written, i + 1);
        }
    }

    private async Task ReadAcksAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        var ack = new byte[4];
        while (Acknowledged < _total)
        {
            await stream.ReadExactlyAsync(ack, cancellationToken).ConfigureAwait(false);
            int n = BinaryPrimitives.ReadInt32LittleEndian(ack);
            int due = Acknowledged;
            if (n != due)
            {
                Misordered++;
                throw new InvalidDataException($"acknowledgement {n} where {due} was due");
            }

            _rtts[n] = Stopwatch.GetElapsedTime(Volatile.Read(ref _sentAt[n])).TotalMilliseconds;
            Volatile.Write(ref _acked, n + 1);
        }
    }

    /// <summary>Opens the chat stream, retrying while the server's gate has not opened yet (it answers "na").</summary>
    private async Task<Libp2pStream> OpenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await host.OpenStreamAsync(server, SoakConsole.ChatProtocol, cancellationToken).ConfigureAwait(false);
            }
            catch (HostException e) when (e.Error == HostError.ProtocolNotSupported)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
