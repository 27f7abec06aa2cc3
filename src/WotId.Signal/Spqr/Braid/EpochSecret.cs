// An SCKA epoch secret (SparsePostQuantumRatchet src/lib.rs `EpochSecret`): added to the chain as epoch `Epoch`.

namespace WotId.Signal.Spqr.Braid;

internal sealed class EpochSecret
{
    public EpochSecret(ulong epoch, byte[] secret)
    {
        Epoch = epoch;
        Secret = secret;
    }

    public ulong Epoch { get; }

    public byte[] Secret { get; }
}
