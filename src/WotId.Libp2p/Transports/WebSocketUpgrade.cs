// RFC 6455 §4.2 (server opening handshake): a minimal HTTP/1.1 Upgrade on a fresh TCP connection, then
// WebSocket.CreateFromStream as the server. Bounded: at most MaxRequestBytes of request head.
using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WotId.Crypto;

namespace WotId.Libp2p.Transports;

/// <summary>The server half of the WebSocket opening handshake.</summary>
internal static class WebSocketUpgrade
{
    public const int MaxRequestBytes = 8192;

    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>Reads and answers the upgrade request. Throws TransportException(HandshakeFailed) after sending a 400.</summary>
    public static async Task ServerHandshakeAsync(Stream stream, CancellationToken cancellationToken)
    {
        string head = await ReadHeadAsync(stream, cancellationToken).ConfigureAwait(false);
        string? key = Validate(head);
        if (key is null)
        {
            byte[] bad = Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
            await stream.WriteAsync(bad, cancellationToken).ConfigureAwait(false);
            throw new TransportException(TransportError.HandshakeFailed, "not a valid WebSocket upgrade request");
        }

        string response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
            + ComputeAccept(key) + "\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sec-WebSocket-Accept = base64(SHA-1(key ‖ GUID)).</summary>
    public static string ComputeAccept(string key) => Convert.ToBase64String(Sha1.Hash(Encoding.ASCII.GetBytes(key + AcceptGuid)));

    /// <summary>Returns the Sec-WebSocket-Key when the request head is an acceptable upgrade, else null.</summary>
    internal static string? Validate(string head)
    {
        string[] lines = head.Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || requestLine[0] != "GET" || requestLine[2] != "HTTP/1.1")
        {
            return null;
        }

        bool upgrade = false;
        bool connection = false;
        bool version = false;
        string? key = null;
        for (int i = 1; i < lines.Length; i++)
        {
            int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            string name = lines[i][..colon].Trim();
            string value = lines[i][(colon + 1)..].Trim();
            if (name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase))
            {
                upgrade = value.Equals("websocket", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                connection = HasToken(value, "upgrade");
            }
            else if (name.Equals("Sec-WebSocket-Version", StringComparison.OrdinalIgnoreCase))
            {
                version = value == "13";
            }
            else if (name.Equals("Sec-WebSocket-Key", StringComparison.OrdinalIgnoreCase))
            {
                key = IsKey(value) ? value : null;
            }
        }

        return upgrade && connection && version ? key : null;
    }

    private static bool IsKey(string value)
    {
        Span<byte> decoded = stackalloc byte[32];
        return value.Length == 24 && Convert.TryFromBase64String(value, decoded, out int n) && n == 16;
    }

    private static bool HasToken(string value, string token)
    {
        foreach (string part in value.Split(','))
        {
            if (part.Trim().Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestBytes];
        int have = 0;
        while (true)
        {
            if (have == buffer.Length)
            {
                throw new TransportException(TransportError.HandshakeFailed, "WebSocket upgrade request too large");
            }

            int n = await stream.ReadAsync(buffer.AsMemory(have), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new TransportException(TransportError.HandshakeFailed, "connection closed during WebSocket upgrade");
            }

            int searchFrom = Math.Max(0, have - 3);
            have += n;
            int end = buffer.AsSpan(searchFrom, have - searchFrom).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                end += searchFrom;
                if (end + 4 != have)
                {
                    throw new TransportException(TransportError.HandshakeFailed, "client sent data before the upgrade completed");
                }

                return Encoding.Latin1.GetString(buffer, 0, end);
            }
        }
    }
}
