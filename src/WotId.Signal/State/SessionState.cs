// One Signal session (libsignal rust/protocol/src/state/session.rs, SessionStructure in proto/storage.proto):
// identities, root key, sending chain, up to 5 receiving chains, pending prekey data, registration ids, the
// initiator's base key and the SPQR state. Serialization: SessionStateCodec.cs.
using System;
using System.Collections.Generic;
using WotId.Signal.Keys;
using WotId.Signal.Spqr;

namespace WotId.Signal.State;

/// <summary>The mutable state of one session. Callers change it only after a message has fully verified.</summary>
internal sealed partial class SessionState : IDisposable
{
    private RatchetSecret _rootKey;
    private RatchetSecret? _senderChainKey;

    /// <summary>Takes ownership of <paramref name="rootKey"/>.</summary>
    internal SessionState(EcPublicKey localIdentity, EcPublicKey remoteIdentity, RatchetSecret rootKey, SpqrSession spqr)
    {
        LocalIdentity = localIdentity;
        RemoteIdentity = remoteIdentity;
        _rootKey = rootKey;
        Spqr = spqr;
    }

    internal uint Version { get; set; } = 4;

    internal EcPublicKey LocalIdentity { get; }

    internal EcPublicKey RemoteIdentity { get; }

    /// <summary>The root key; setting it disposes (zeroes) the previous one.</summary>
    internal RatchetSecret RootKey
    {
        get => _rootKey;
        set
        {
            if (!ReferenceEquals(_rootKey, value))
            {
                _rootKey.Dispose();
            }

            _rootKey = value;
        }
    }

    internal uint PreviousCounter { get; set; }

    internal EcPublicKey? SenderRatchetKey { get; set; }

    internal RatchetSecret? SenderRatchetPrivate { get; private set; }

    /// <summary>The sending chain key; setting it disposes (zeroes) the previous one.</summary>
    internal RatchetSecret? SenderChainKey
    {
        get => _senderChainKey;
        set
        {
            if (_senderChainKey is not null && !ReferenceEquals(_senderChainKey, value))
            {
                _senderChainKey.Dispose();
            }

            _senderChainKey = value;
        }
    }

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
            ReceiverChains[0].Dispose();
            ReceiverChains.RemoveAt(0);
        }
    }

    /// <summary>Takes ownership of <paramref name="privateKey"/> and <paramref name="chainKey"/>, disposing the replaced ones.</summary>
    internal void SetSenderChain(EcPublicKey publicKey, RatchetSecret privateKey, RatchetSecret chainKey, uint index)
    {
        if (SenderRatchetPrivate is not null && !ReferenceEquals(SenderRatchetPrivate, privateKey))
        {
            SenderRatchetPrivate.Dispose();
        }

        SenderRatchetKey = publicKey;
        SenderRatchetPrivate = privateKey;
        SenderChainKey = chainKey;
        SenderChainIndex = index;
    }

    /// <summary>Zeroes the root key, the sending chain key and ratchet private key, and every receiving chain.</summary>
    public void Dispose()
    {
        _rootKey.Dispose();
        _senderChainKey?.Dispose();
        SenderRatchetPrivate?.Dispose();
        foreach (ReceiverChain chain in ReceiverChains)
        {
            chain.Dispose();
        }
    }

    public override string ToString() => "SessionState(v" + Version + ", remote " + RemoteIdentity + ")";
}
