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

    /// <summary>Listener: echoes 32-byte payloads until the dialer closes, then closes the write side.</summary>
    public static async Task HandleAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[PayloadSize];
        while (true)
        {
            int read = await stream.ReadAtLeastAsync(buffer, PayloadSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read < PayloadSize)
            {
                break;
            }

            await stream.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
    }
}
