// SPQR message preamble (newer SparsePostQuantumRatchet src/lib.rs `MsgPreamble`): the part every version shares.

namespace WotId.Signal.Spqr;

/// <summary>Version byte, epoch and index of an SPQR message; version 0 stands for an empty message.</summary>
internal readonly struct SpqrPreamble
{
    public SpqrPreamble(byte version, ulong epoch, uint index, int bodyOffset)
    {
        Version = version;
        Epoch = epoch;
        Index = index;
        BodyOffset = bodyOffset;
    }

    public byte Version { get; }

    public ulong Epoch { get; }

    public uint Index { get; }

    public int BodyOffset { get; }
}
