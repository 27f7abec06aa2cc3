// libp2p/specs ping/ping.md: /ipfs/ping/1.0.0, the dialer sends 32 random bytes, the listener echoes them,
// repeatable on one stream; the dialer closes its write side when done.
using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Protocols.Ping;

/// <summary>The libp2p ping protocol, both roles, over any stream.</summary>
public static class PingProtocol
{
    /// <summary>The protocol id.</summary>
    public const string ProtocolId = "/ipfs/ping/1.0.0";

    /// <summary>Payload size.</summary>
    public const int PayloadSize = 32;

    /// <summary>Sends one ping on an open ping stream and returns the round-trip time.</summary>
    /// <exception cref="PingException">The echo differed from what was sent.</exception>
    public static async ValueTask<TimeSpan> PingAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] payload = RandomNumberGenerator.GetBytes(PayloadSize);
        var echo = new byte[PayloadSize];
        long start = Stopwatch.GetTimestamp();
        await stream.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
        await stream.ReadExactlyAsync(echo, cancellationToken).ConfigureAwait(false);
        TimeSpan rtt = Stopwatch.GetElapsedTime(start);
        if (!CryptographicOperations.FixedTimeEquals(payload, echo))
        {
            throw new PingException("ping echo does not match the payload sent");
        }

        return rtt;
    }

    /// <summary>
    /// How long the listener waits for the next payload and for its echo to be written (10 s, go-libp2p's
    /// pingTimeout), when no other value is given.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Listener: echoes 32-byte payloads until the dialer closes, with <see cref="DefaultTimeout"/> on the system clock.</summary>
    public static Task HandleAsync(Stream stream, CancellationToken cancellationToken) =>
        HandleAsync(stream, TimeProvider.System, DefaultTimeout, cancellationToken);

    /// <summary>
    /// Listener: echoes 32-byte payloads until the dialer closes. Each payload must arrive, and each echo be written,
    /// within <paramref name="timeout"/> on <paramref name="timeProvider"/>; otherwise a <see cref="PingException"/> ends
    /// the exchange (the host then resets the stream), so a peer cannot hold a ping stream, and with it the connection,
    /// open forever.
    /// </summary>
    public static async Task HandleAsync(Stream stream, TimeProvider timeProvider, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var buffer = new byte[PayloadSize];
        while (true)
        {
            using var scope = new TimeoutScope(timeProvider, timeout, cancellationToken);
            try
            {
                int read = await stream.ReadAtLeastAsync(buffer, PayloadSize, throwOnEndOfStream: false, scope.Token).ConfigureAwait(false);
                if (read < PayloadSize)
                {
                    break;
                }

                await stream.WriteAsync(buffer, scope.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (scope.TimedOut && !cancellationToken.IsCancellationRequested)
            {
                throw new PingException($"no ping payload (or echo written) within {timeout}", ex);
            }
        }
    }
}
