// Fuzz target: Multihash.Decode over raw bytes.
using System;
using WotId.Core.Encoding;

namespace WotId.Fuzz.Targets.Core;

/// <summary>Feeds arbitrary input to <c>Multihash.Decode</c>; only <see cref="FormatException"/> may escape the decoder.</summary>
public sealed class MultihashDecodeTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "core-multihash";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            _ = Multihash.Decode(input);
        }
        catch (FormatException)
        {
            // Documented rejection.
        }
    }
}
