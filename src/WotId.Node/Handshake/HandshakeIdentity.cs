// What this node presents in /wotid/handshake/1.0.0: its ML-DSA-65 did:key (signs the TSP messages and the vp+jwt),
// its VerifiedHuman credential (vc+jwt), its Signal identity key (bound into the presentation, ConnectionBinding)
// and, as responder, its current signed prekey bundle.
using System;
using WotId.Identity;
using WotId.Identity.Keys;
using WotId.Signal.Keys;

namespace WotId.Node.Handshake;

/// <summary>The local side of a handshake. Does not own the key: the caller disposes it after the gate.</summary>
public sealed class HandshakeIdentity
{
    /// <summary>Creates the identity.</summary>
    /// <param name="signingKey">The node's ML-DSA-65 key; its did:key is the holder, the credential subject and the TSP sender.</param>
    /// <param name="credentialJws">The VerifiedHuman credential (vc+jwt); null presents none (peers then fail with <see cref="HandshakeFailureReason.MissingCredential"/>).</param>
    /// <param name="signalIdentityKey">The public Signal identity key bound into every presentation.</param>
    /// <param name="preKeyBundle">Returns the current signed prekey bundle sent as responder (its identity key must be <paramref name="signalIdentityKey"/>).</param>
    public HandshakeIdentity(SigningKey signingKey, string? credentialJws, EcPublicKey signalIdentityKey, Func<PreKeyBundle> preKeyBundle)
        : this(signingKey, null, credentialJws, signalIdentityKey, preKeyBundle)
    {
    }

    /// <summary>Creates the identity of a profile with a did:iota DID whose document lists the key under <c>#mldsa65</c>.</summary>
    /// <param name="signingKey">The node's ML-DSA-65 key.</param>
    /// <param name="did">The DID the node signs as (null: the did:key of <paramref name="signingKey"/>).</param>
    /// <param name="credentialJws">The VerifiedHuman credential issued to <paramref name="did"/>.</param>
    /// <param name="signalIdentityKey">The public Signal identity key bound into every presentation.</param>
    /// <param name="preKeyBundle">Returns the current signed prekey bundle sent as responder.</param>
    public HandshakeIdentity(SigningKey signingKey, string? did, string? credentialJws, EcPublicKey signalIdentityKey, Func<PreKeyBundle> preKeyBundle)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        ArgumentNullException.ThrowIfNull(signalIdentityKey);
        ArgumentNullException.ThrowIfNull(preKeyBundle);
        if (signingKey.Algorithm != KeyAlgorithm.MLDsa65)
        {
            throw new ArgumentException("handshake messages are TSP messages signed with ML-DSA-65", nameof(signingKey));
        }

        SigningKey = signingKey;
        Did = did ?? signingKey.Did;
        KeyId = WotId.Node.Profile.ProfileDidDocument.KeyId(Did, signingKey);
        _credentialJws = credentialJws;
        SignalIdentityKey = signalIdentityKey;
        PreKeyBundle = preKeyBundle;
    }

    /// <summary>The node's signing key.</summary>
    public SigningKey SigningKey { get; }

    /// <summary>The node's DID: the did:key of <see cref="SigningKey"/>, or the profile's did:iota.</summary>
    public string Did { get; }

    /// <summary>The key id of presentations (<c>kid</c>): the did:key's own, or <c>did:iota:…#mldsa65</c>.</summary>
    public string KeyId { get; }

    private volatile string? _credentialJws;

    /// <summary>The credential presented, if any (read at the start of each handshake).</summary>
    public string? CredentialJws => _credentialJws;

    /// <summary>The public Signal identity key.</summary>
    public EcPublicKey SignalIdentityKey { get; }

    /// <summary>Supplies the prekey bundle sent as responder.</summary>
    public Func<PreKeyBundle> PreKeyBundle { get; }

    /// <summary>
    /// Presents <paramref name="credentialJws"/> from the next handshake on (a credential imported while the node runs);
    /// handshakes already under way and connections already verified are not affected.
    /// </summary>
    public void ReplaceCredential(string? credentialJws) => _credentialJws = credentialJws;

    /// <summary>Names the DID length only.</summary>
    public override string ToString() => $"HandshakeIdentity({Did.Length} char DID, {(CredentialJws is null ? "no" : "one")} credential)";
}
