// What a Yamux session uses of a secure channel beyond System.IO.Stream so that payload bytes are not copied between
// the layers (libp2p/specs noise/README.md "Wire Format": message boundaries carry no meaning for the muxer, so a
// frame's header and payload may travel in separate Noise messages, and one message may carry several frames).
using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Yamux;

/// <summary>A byte-stream transport that takes a frame in two parts and lends out plaintext it already holds.</summary>
internal interface IYamuxTransport
{
    /// <summary>
    /// Writes <paramref name="head"/> followed by <paramref name="body"/>, taking each straight from the caller's memory;
    /// the peer reads head ‖ body. The memory is not referenced after the returned task completes.
    /// </summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    /// <summary>
    /// Hands over the bytes the transport has already received and not yet read, when there are some and no more than
    /// <paramref name="max"/>: <paramref name="array"/> is a pooled array the caller now owns (it returns it to
    /// <c>ArrayPool&lt;byte&gt;.Shared</c>), the bytes are <paramref name="array"/>[<paramref name="offset"/>..+<paramref name="count"/>],
    /// and they count as read. False leaves everything as it was.
    /// </summary>
    bool TryTakeBuffered(int max, [NotNullWhen(true)] out byte[]? array, out int offset, out int count);
}
