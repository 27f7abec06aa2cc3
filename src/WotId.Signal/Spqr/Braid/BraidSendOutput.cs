// What one braid send step produces (SparsePostQuantumRatchet src/v1/chunked/states.rs `Send`).

using WotId.Signal.Spqr.Erasure;

namespace WotId.Signal.Spqr.Braid;

internal readonly struct BraidSendOutput
{
    public BraidSendOutput(ulong epoch, SpqrMessageType type, Chunk chunk, EpochSecret? secret)
    {
        Epoch = epoch;
        Type = type;
        Chunk = chunk;
        Secret = secret;
    }

    public ulong Epoch { get; }

    public SpqrMessageType Type { get; }

    public Chunk Chunk { get; }

    public EpochSecret? Secret { get; }
}
