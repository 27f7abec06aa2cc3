// Fuzz target: Yamux frame header decoding (libp2p/specs yamux/README.md, 12-byte header).
using System;
using WotId.Libp2p.Yamux;

namespace WotId.Fuzz.Targets.Libp2p;

/// <summary>Decodes every 12-byte window of the input as a Yamux header; only <see cref="YamuxException"/> may escape.</summary>
public sealed class YamuxFrameHeaderTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "libp2p-yamux-header";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        for (int i = 0; i + YamuxFrameHeader.Size <= input.Length || i == 0; i += YamuxFrameHeader.Size)
        {
            try
            {
                if (YamuxFrameHeader.TryRead(input[i..], out YamuxFrameHeader h))
                {
                    var back = new byte[YamuxFrameHeader.Size];
                    h.Write(back);
                }
            }
            catch (YamuxException)
            {
                // Documented rejection.
            }

            if (input.Length < YamuxFrameHeader.Size)
            {
                break;
            }
        }
    }
}
