// What Yamux uses of the secured stream beyond System.IO.Stream (IYamuxTransport): a frame's header and payload sealed
// as separate Noise messages straight from their memory (libp2p/specs noise/README.md "Wire Format": the receiver reads
// a byte stream, message boundaries carry no meaning), and the plaintext of an opened message handed over by reference.
using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Noise;

/// <content>The zero-copy hand-overs to and from Yamux.</content>
internal sealed partial class NoiseSecuredStream : IYamuxTransport
{
    /// <inheritdoc />
    ValueTask IYamuxTransport.WriteAsync(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        WriteMessagesAsync(head, body, cancellationToken);

    /// <inheritdoc />
    bool IYamuxTransport.TryTakeBuffered(int max, [NotNullWhen(true)] out byte[]? array, out int offset, out int count)
    {
        int pending = _plainEnd - _plainStart;
        if (_plain is null || pending <= 0 || pending > max || _disposed != 0)
        {
            array = null;
            offset = count = 0;
            return false;
        }

        // The opened message's pooled buffer changes hands: the taker returns it to the pool when it has read it.
        array = _plain;
        offset = _plainStart;
        count = pending;
        _plain = null;
        _plainStart = _plainEnd = 0;
        return true;
    }
}
