// One Signal session (libsignal rust/protocol/src/state/session.rs, SessionStructure in proto/storage.proto):
// identities, root key, sending chain, up to 5 receiving chains, pending prekey data, registration ids, the
// initiator's base key and the SPQR state. Serialization: SessionStateCodec.cs.
using System;
using System.Collections.Generic;
using WotId.Signal.Keys;
using WotId.Signal.Spqr;

namespace WotId.Signal.State;

/// <summary>The mutable state of one session. Callers change it only after a message has fully verified.</summary>
internal sealed partial class SessionState
{
    internal SessionState(EcPublicKey localIdentity, EcPublicKey remoteIdentity, byte[] rootKey, SpqrSession spqr)
    {
        LocalIdentity = localIdentity;
        RemoteIdentity = remoteIdentity;
        RootKey = rootKey;
        Spqr = spqr;
    }

    internal uint Version { get; set; } = 4;

    internal EcPublicKey LocalIdentity { get; }

    internal EcPublicKey RemoteIdentity { get; }

    internal byte[] RootKey { get; set; }

    internal uint PreviousCounter { get; set; }

    internal EcPublicKey? SenderRatchetKey { get; set; }

    internal byte[]? SenderRatchetPrivate { get; set; }

    internal byte[]? SenderChainKey { get; set; }

    internal uint SenderChainIndex { get; set; }

    /// <summary>Receiving chains, oldest first; at most <see cref="SessionLimits.MaxReceiverChains"/>.</summary>
    internal List<ReceiverChain> ReceiverChains { get; } = [];

    internal PendingPreKey? Pending { get; set; }

    internal uint RemoteRegistrationId { get; set; }

    internal uint LocalRegistrationId { get; set; }

    internal EcPublicKey? AliceBaseKey { get; set; }

    internal SpqrSession Spqr { get; set; }

    internal bool HasSenderChain => SenderChainKey is not null && SenderRatchetKey is not null && SenderRatchetPrivate is not null;

    internal ReceiverChain? FindReceiverChain(EcPublicKey ratchetKey)
    {
        foreach (ReceiverChain c in ReceiverChains)
        {
            if (c.RatchetKey.Equals(ratchetKey))
            {
                return c;
            }
        }

        return null;
    }

    internal void AddReceiverChain(ReceiverChain chain)
    {
        ReceiverChains.Add(chain);
        while (ReceiverChains.Count > SessionLimits.MaxReceiverChains)
        {
            ReceiverChains[0].Clear();
            ReceiverChains.RemoveAt(0);
        }
    }

    internal void SetSenderChain(EcPublicKey publicKey, byte[] privateKey, byte[] chainKey, uint index)
    {
        if (SenderRatchetPrivate is not null && !ReferenceEquals(SenderRatchetPrivate, privateKey))
        {
            Array.Clear(SenderRatchetPrivate);
        }

        SenderRatchetKey = publicKey;
        SenderRatchetPrivate = privateKey;
        SenderChainKey = chainKey;
        SenderChainIndex = index;
    }

    public override string ToString() => "SessionState(v" + Version + ", remote " + RemoteIdentity + ")";
}
