// The SPQR V1 braid state machine (SparsePostQuantumRatchet src/v1/chunked/states.rs). SPQR-lite stage:
// the state stays in epoch 1 and sends None; epochs above it are rejected as the real initial states do.

using System.Security.Cryptography;

namespace WotId.Signal.Spqr.Braid;

internal sealed class BraidState
{
    private BraidState(ulong epoch)
    {
        Epoch = epoch;
    }

    public ulong Epoch { get; }

    public static BraidState Initial(SpqrDirection direction, System.ReadOnlySpan<byte> authKey)
    {
        _ = direction;
        _ = authKey;
        return new BraidState(1);
    }

    public BraidState Clone()
    {
        return new BraidState(Epoch);
    }

    public BraidSendOutput Send(RandomNumberGenerator rng)
    {
        _ = rng;
        return new BraidSendOutput(Epoch, SpqrMessageType.None, default, null);
    }

    public EpochSecret? Receive(in SpqrMessage message)
    {
        if (message.Epoch > Epoch)
        {
            throw new SpqrException(SpqrError.EpochOutOfRange);
        }

        return null;
    }

    public void Write(SpqrStateWriter writer)
    {
        writer.WriteUInt64(Epoch);
    }

    public static BraidState Read(ref SpqrStateReader reader)
    {
        ulong epoch = reader.ReadUInt64();
        if (epoch != 1)
        {
            throw SpqrStateReader.Malformed("bad braid epoch");
        }

        return new BraidState(epoch);
    }
}
