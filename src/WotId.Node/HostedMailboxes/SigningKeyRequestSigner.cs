// Hosted-mailbox requests signed with the profile's DID key (ML-DSA-65, FIPS 204 pure, empty context), so the key
// that proves who a person is also holds their hosted mailbox (docs/mailbox.md "Hosted mailboxes").
using System;
using WotId.Identity;
using WotId.Identity.Keys;
using WotId.Mailbox.Hosted;

namespace WotId.Node.HostedMailboxes;

/// <summary>An <see cref="IMailboxRequestSigner"/> over a <see cref="SigningKey"/> (not disposed by this object).</summary>
internal sealed class SigningKeyRequestSigner : IMailboxRequestSigner
{
    private readonly SigningKey _key;
    private readonly byte[] _publicKey;

    internal SigningKeyRequestSigner(SigningKey key)
    {
        if (key.Algorithm != KeyAlgorithm.MLDsa65)
        {
            throw new NotSupportedException("hosted mailboxes need an ML-DSA-65 profile key; this profile's key is " + key.Algorithm);
        }

        _key = key;
        _publicKey = key.PublicKey.Key.ToArray();
    }

    public ReadOnlyMemory<byte> PublicKey => _publicKey;

    public byte[] Sign(ReadOnlySpan<byte> message) => _key.Sign(message);
}
