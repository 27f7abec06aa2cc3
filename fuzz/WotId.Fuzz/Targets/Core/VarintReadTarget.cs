// Fuzz target: Varint.TryRead / Varint.Read over raw bytes (multiformats unsigned-varint).
using System;
using WotId.Core.Encoding;

namespace WotId.Fuzz.Targets.Core;

/// <summary>Feeds arbitrary input to <c>Varint.Read</c>; only <see cref="FormatException"/> may escape the decoder.</summary>
public sealed class VarintReadTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "core-varint";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        // TryRead never throws; Read throws FormatException exactly when TryRead is not Done.
        System.Buffers.OperationStatus status = Varint.TryRead(input, out ulong value, out int consumed);
        try
        {
            ulong read = Varint.Read(input, out int readConsumed);
            if (status != System.Buffers.OperationStatus.Done || read != value || readConsumed != consumed)
            {
                throw new InvalidOperationException("Varint.Read and Varint.TryRead disagree");
            }
        }
        catch (FormatException) when (status != System.Buffers.OperationStatus.Done)
        {
            // Documented rejection.
        }
    }
}
