using System;
using WotId.Libp2p.Peer;
using WotId.Signal.Keys;

namespace WotId.Node.Handshake;

/// <summary>A verified peer: who it is, its Signal identity, its prekey bundle (when it was the responder) and its credential.</summary>
public sealed class HandshakeOutcome
{
    internal HandshakeOutcome(string remoteDid, PeerId remotePeer, EcPublicKey remoteIdentityKey, PreKeyBundle? remoteBundle, string issuerDid, string? credentialId, DateTimeOffset? validUntil, bool isInitiator)
    {
        RemoteDid = remoteDid;
        RemotePeer = remotePeer;
        RemoteIdentityKey = remoteIdentityKey;
        RemoteBundle = remoteBundle;
        IssuerDid = issuerDid;
        CredentialId = credentialId;
        CredentialValidUntil = validUntil;
        IsInitiator = isInitiator;
    }

    /// <summary>The peer's DID (credential subject = presentation holder = TSP signer).</summary>
    public string RemoteDid { get; }

    /// <summary>The peer's libp2p peer id (Noise-authenticated).</summary>
    public PeerId RemotePeer { get; }

    /// <summary>The peer's Signal identity key, bound into its presentation.</summary>
    public EcPublicKey RemoteIdentityKey { get; }

    /// <summary>The peer's prekey bundle; set when this node was the initiator (start PQXDH with it unless a session exists).</summary>
    public PreKeyBundle? RemoteBundle { get; }

    /// <summary>The DID of the credential's issuer.</summary>
    public string IssuerDid { get; }

    /// <summary>The credential id, when it has one.</summary>
    public string? CredentialId { get; }

    /// <summary>The end of the credential's validity, when it has one.</summary>
    public DateTimeOffset? CredentialValidUntil { get; }

    /// <summary>True when this node dialled the connection.</summary>
    public bool IsInitiator { get; }

    /// <inheritdoc />
    public override string ToString() => $"HandshakeOutcome({RemotePeer}, {(IsInitiator ? "outbound" : "inbound")})";
}
