// Fuzz target: varint-prefixed multistream-select messages (libp2p/specs connections/README.md), decoded in sequence.
using System;
using System.Buffers;
using WotId.Libp2p.Multistream;

namespace WotId.Fuzz.Targets.Libp2p;

/// <summary>A sequence of varint-length-prefixed lines; only <see cref="MultistreamException"/> may escape.</summary>
public sealed class MultistreamMessagesTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "libp2p-multistream";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            while (!input.IsEmpty && MultistreamCodec.TryDecode(input, out _, out int consumed) == OperationStatus.Done)
            {
                input = input[consumed..];
            }
        }
        catch (MultistreamException)
        {
            // Documented rejection.
        }
    }
}
