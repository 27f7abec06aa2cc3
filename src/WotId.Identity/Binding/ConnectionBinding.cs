// Binds a presentation to one connection (RFC 7519 §4.1.3 "aud"; the vp+jwt "nonce" claim): the holder puts Challenge in the
// vp+jwt "nonce" claim and Audience in "aud"; the verifier computes the same values from its own view of
// the connection, so a presentation captured on one connection fails on any other.
//
//   challenge = SHA-256( "wot.id/vp-binding/v1" ‖ lp(holder peer id) ‖ lp(verifier peer id)
//                        ‖ lp(holder Signal identity key) ‖ lp(connection nonce) )      lp(x) = u16be(len) ‖ x
//   Challenge (string) = base64url(challenge);  Audience = "p2p:" + verifier peer id
//
// The connection nonce should be fresh per connection (e.g. the Noise handshake hash, or random bytes the
// verifier sends first); without it, two connections between the same peers share a challenge and the
// verifier's replay cache rejects the second presentation.
using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using WotId.Core.Encoding;
using WotId.Crypto;

namespace WotId.Identity.Binding;

/// <summary>The challenge and audience of presentations exchanged on one connection.</summary>
public sealed class ConnectionBinding
{
    private const string Label = "wot.id/vp-binding/v1";
    private readonly byte[] _challenge;

    private ConnectionBinding(string holderPeerId, string verifierPeerId, ReadOnlySpan<byte> holderIdentityKey, ReadOnlySpan<byte> connectionNonce)
    {
        ArgumentException.ThrowIfNullOrEmpty(holderPeerId);
        ArgumentException.ThrowIfNullOrEmpty(verifierPeerId);
        if (holderIdentityKey.IsEmpty)
        {
            throw new ArgumentException("the holder's Signal identity key is required", nameof(holderIdentityKey));
        }

        HolderPeerId = holderPeerId;
        VerifierPeerId = verifierPeerId;
        using var buffer = new MemoryStream();
        buffer.Write(Encoding.ASCII.GetBytes(Label));
        WriteField(buffer, Encoding.UTF8.GetBytes(holderPeerId));
        WriteField(buffer, Encoding.UTF8.GetBytes(verifierPeerId));
        WriteField(buffer, holderIdentityKey);
        WriteField(buffer, connectionNonce);
        _challenge = Sha256.Hash(buffer.ToArray());
        Challenge = Base64Url.Encode(_challenge);
        Audience = "p2p:" + verifierPeerId;
    }

    /// <summary>The presenting side's libp2p peer id.</summary>
    public string HolderPeerId { get; }

    /// <summary>The verifying side's libp2p peer id.</summary>
    public string VerifierPeerId { get; }

    /// <summary>The 32-byte challenge.</summary>
    public ReadOnlySpan<byte> ChallengeBytes => _challenge;

    /// <summary>The challenge as base64url (the vp+jwt <c>nonce</c>).</summary>
    public string Challenge { get; }

    /// <summary>The audience (the vp+jwt <c>aud</c>): <c>p2p:</c> + verifier peer id.</summary>
    public string Audience { get; }

    /// <summary>The binding as seen by the holder (local = holder, remote = verifier).</summary>
    public static ConnectionBinding ForHolder(string localPeerId, string remotePeerId, ReadOnlySpan<byte> localSignalIdentityKey, ReadOnlySpan<byte> connectionNonce = default) =>
        new(localPeerId, remotePeerId, localSignalIdentityKey, connectionNonce);

    /// <summary>The binding as seen by the verifier (local = verifier, remote = holder; the key is the remote's Signal identity key).</summary>
    public static ConnectionBinding ForVerifier(string localPeerId, string remotePeerId, ReadOnlySpan<byte> remoteSignalIdentityKey, ReadOnlySpan<byte> connectionNonce = default) =>
        new(remotePeerId, localPeerId, remoteSignalIdentityKey, connectionNonce);

    private static void WriteField(MemoryStream buffer, ReadOnlySpan<byte> field)
    {
        if (field.Length > ushort.MaxValue)
        {
            throw new ArgumentException("binding field longer than 65,535 bytes");
        }

        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)field.Length);
        buffer.Write(length);
        buffer.Write(field);
    }
}
