// Fuzz target: the SPQR erasure decoder (SparsePostQuantumRatchet src/encoding/polynomial.rs PolyDecoder) fed
// arbitrary chunks: it must never throw, and any decoded payload has the declared length.
using System;
using WotId.Signal.Spqr.Erasure;

namespace WotId.Fuzz.Targets.Spqr;

/// <summary>First byte picks the payload size (96/160/960/1152); then 34-byte records are (index BE16, data 32).</summary>
public sealed class SpqrChunkTarget : IFuzzTarget
{
    private static readonly int[] s_lengths = [96, 160, 960, 1152];

    /// <inheritdoc />
    public string Name => "spqr-chunk";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        int length = s_lengths[input[0] & 3];
        var decoder = new PolyDecoder(length);
        for (int at = 1; at + 34 <= input.Length; at += 34)
        {
            ushort index = (ushort)((input[at] << 8) | input[at + 1]);
            decoder.AddChunk(new Chunk(index, input.Slice(at + 2, 32).ToArray()));
            byte[]? decoded = decoder.DecodedMessage();
            if (decoded is not null && decoded.Length != length)
            {
                throw new InvalidOperationException("decoded payload of the wrong size");
            }
        }
    }
}
