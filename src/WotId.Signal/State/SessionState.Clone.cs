// Deep copy of a session, the in-memory equivalent of serializing and parsing it (SessionStateCodec.cs): the copy
// owns fresh handles for every secret, so disposing or advancing one never touches the other.
namespace WotId.Signal.State;

internal sealed partial class SessionState
{
    /// <summary>An independent copy that owns its own secrets; the caller disposes it.</summary>
    internal SessionState Clone()
    {
        var copy = new SessionState(LocalIdentity, RemoteIdentity, _rootKey.Copy(), Spqr.Clone())
        {
            Version = Version,
            PreviousCounter = PreviousCounter,
            SenderRatchetKey = SenderRatchetKey,
            SenderRatchetPrivate = SenderRatchetPrivate?.Copy(),
            SenderChainKey = _senderChainKey?.Copy(),
            SenderChainIndex = SenderChainIndex,
            Pending = Pending,
            RemoteRegistrationId = RemoteRegistrationId,
            LocalRegistrationId = LocalRegistrationId,
            AliceBaseKey = AliceBaseKey,
        };
        foreach (ReceiverChain chain in ReceiverChains)
        {
            copy.ReceiverChains.Add(chain.Clone());
        }

        return copy;
    }
}
