// One SPQR chain epoch (SparsePostQuantumRatchet src/chain.rs `ChainEpoch`): a send and a receive direction.

namespace WotId.Signal.Spqr.Chain;

internal sealed class ChainEpoch
{
    public ChainEpoch(ChainEpochDirection send, ChainEpochDirection receive)
    {
        Send = send;
        Receive = receive;
    }

    public ChainEpochDirection Send { get; }

    public ChainEpochDirection Receive { get; }

    public void Clear()
    {
        Send.ClearNext();
        Send.History.Clear();
        Receive.ClearNext();
        Receive.History.Clear();
    }
}
