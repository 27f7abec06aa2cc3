// SPQR V1 wire framing (SparsePostQuantumRatchet src/v1/chunked/states/serialize.rs `Message::serialize`,
// newer src/lib.rs `msg_preamble`):
//   0x01 ‖ varint(epoch ≥ 1) ‖ varint(index) ‖ type [‖ varint(chunkIndex ≤ 65535) ‖ chunk(32)]
// Trailing bytes after the payload are tolerated, as the crate does.

using System;
using WotId.Signal.Spqr.Erasure;

namespace WotId.Signal.Spqr;

/// <summary>A parsed SPQR V1 message: epoch, chain index, payload type and optional chunk.</summary>
internal readonly struct SpqrMessage
{
    public SpqrMessage(ulong epoch, uint index, SpqrMessageType type, Chunk chunk)
    {
        Epoch = epoch;
        Index = index;
        Type = type;
        Chunk = chunk;
    }

    public ulong Epoch { get; }

    public uint Index { get; }

    public SpqrMessageType Type { get; }

    /// <summary>The chunk for types Hdr, Ek, EkCt1Ack, Ct1 and Ct2; default otherwise.</summary>
    public Chunk Chunk { get; }

    public static bool HasChunk(SpqrMessageType type)
    {
        return type is SpqrMessageType.Hdr or SpqrMessageType.Ek or SpqrMessageType.EkCt1Ack
            or SpqrMessageType.Ct1 or SpqrMessageType.Ct2;
    }

    public byte[] Serialize()
    {
        bool chunked = HasChunk(Type);
        int length = 1 + SpqrVarint.GetLength(Epoch) + SpqrVarint.GetLength(Index) + 1;
        if (chunked)
        {
            length += SpqrVarint.GetLength(Chunk.Index) + Chunk.Size;
        }

        byte[] output = new byte[length];
        int at = 0;
        output[at++] = 1;
        at += SpqrVarint.Write(Epoch, output.AsSpan(at));
        at += SpqrVarint.Write(Index, output.AsSpan(at));
        output[at++] = (byte)Type;
        if (chunked)
        {
            at += SpqrVarint.Write(Chunk.Index, output.AsSpan(at));
            Chunk.Data.CopyTo(output.AsSpan(at));
        }

        return output;
    }

    /// <summary>Parses the preamble of any non-empty SPQR message: version, epoch (≠ 0), index (u32).</summary>
    /// <exception cref="SpqrException">Malformed.</exception>
    public static SpqrPreamble ParsePreamble(ReadOnlySpan<byte> message)
    {
        if (message.IsEmpty)
        {
            return default;
        }

        int at = 1;
        if (!SpqrVarint.TryRead(message, ref at, out ulong epoch) || epoch == 0)
        {
            throw new SpqrException(SpqrError.Malformed, "bad epoch");
        }

        if (!SpqrVarint.TryRead(message, ref at, out ulong index) || index > uint.MaxValue)
        {
            throw new SpqrException(SpqrError.Malformed, "bad index");
        }

        return new SpqrPreamble(message[0], epoch, (uint)index, at);
    }

    /// <summary>Parses a complete V1 message (preamble plus payload).</summary>
    /// <exception cref="SpqrException">Malformed.</exception>
    public static SpqrMessage Parse(ReadOnlySpan<byte> message)
    {
        SpqrPreamble preamble = ParsePreamble(message);
        if (preamble.Version != 1)
        {
            throw new SpqrException(SpqrError.Malformed, "not a V1 message");
        }

        return ParseBody(preamble, message);
    }

    /// <summary>Parses the V1 payload that follows <paramref name="preamble"/>.</summary>
    /// <exception cref="SpqrException">Malformed.</exception>
    public static SpqrMessage ParseBody(SpqrPreamble preamble, ReadOnlySpan<byte> message)
    {
        int at = preamble.BodyOffset;
        if (at >= message.Length)
        {
            throw new SpqrException(SpqrError.Malformed, "missing type");
        }

        byte typeByte = message[at++];
        if (typeByte > (byte)SpqrMessageType.Ct2)
        {
            throw new SpqrException(SpqrError.Malformed, "unknown type");
        }

        var type = (SpqrMessageType)typeByte;
        Chunk chunk = default;
        if (HasChunk(type))
        {
            if (!SpqrVarint.TryRead(message, ref at, out ulong chunkIndex) || chunkIndex > ushort.MaxValue
                || message.Length - at < Chunk.Size)
            {
                throw new SpqrException(SpqrError.Malformed, "bad chunk");
            }

            chunk = new Chunk((ushort)chunkIndex, message.Slice(at, Chunk.Size).ToArray());
        }

        return new SpqrMessage(preamble.Epoch, preamble.Index, type, chunk);
    }
}
