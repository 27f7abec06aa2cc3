// Fuzz target: uvarint length-prefixed frames (multiformats/unsigned-varint; libp2p/specs identify/README.md framing)
// read from a stream until it ends, with a small limit so the too-large path is reached too.
using System;
using System.IO;
using WotId.Libp2p.Protocols;

namespace WotId.Fuzz.Targets.Libp2p;

/// <summary>Reads frames of at most 64 bytes until end of input; only <see cref="LengthPrefixedException"/> may escape.</summary>
public sealed class LengthPrefixedTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "libp2p-length-prefixed";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        using var stream = new MemoryStream(input.ToArray(), writable: false);
        try
        {
            while (LengthPrefixed.ReadAsync(stream, 64, default).AsTask().GetAwaiter().GetResult() is not null)
            {
            }
        }
        catch (LengthPrefixedException)
        {
            // Documented rejection.
        }
    }
}
