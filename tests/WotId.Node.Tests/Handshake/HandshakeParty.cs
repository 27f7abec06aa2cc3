using System;
using WotId.Identity;
using WotId.Identity.Issuing;
using WotId.Identity.Keys;
using WotId.Node.Handshake;
using WotId.Signal.Keys;

namespace WotId.Node.Tests.Handshake;

/// <summary>One node's identity: an ML-DSA-65 did:key, a Signal identity with a prekey bundle, and a credential.</summary>
internal sealed class HandshakeParty : IDisposable
{
    public HandshakeParty(CredentialIssuer issuer)
    {
        Key = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        Signal = IdentityKeyPair.Generate();
        using SignedPreKeyRecord spk = SignedPreKeyRecord.Generate(Signal, 1, 1_700_000_000_000);
        using KyberPreKeyRecord kyber = KyberPreKeyRecord.Generate(Signal, 2, 1_700_000_000_000);
        Bundle = new PreKeyBundle(4242, 1, null, null, 1, spk.KeyPair.PublicKey, spk.Signature, Signal.PublicKey, 2, kyber.KeyPair.PublicKey, kyber.Signature);
        IssuedCredential credential = issuer.IssueVerifiedHuman(Key.Did, TimeSpan.FromDays(30));
        Credential = credential.Jws;
        CredentialId = credential.Id;
    }

    public SigningKey Key { get; }

    public IdentityKeyPair Signal { get; }

    public PreKeyBundle Bundle { get; }

    /// <summary>The credential presented (tests replace it to break one thing).</summary>
    public string? Credential { get; set; }

    public string CredentialId { get; }

    public HandshakeIdentity Identity() => new(Key, Credential, Signal.PublicKey, () => Bundle);

    public void Dispose()
    {
        Key.Dispose();
        Signal.Dispose();
    }
}
