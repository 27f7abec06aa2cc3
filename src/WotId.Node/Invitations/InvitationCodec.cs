// The binary form of a wot.id invitation, version 1 (docs/node.md, "Invitations", byte by byte):
//   version u8 = 1 | flags u8 (bit 0 display name, bit 1 mailbox) | [name: lp] |
//   DID form u8 (0 = did:key as its Multikey bytes, 1 = other DID as UTF-8 text) | DID: lp |
//   peer id: lp | address count u8 | addresses: lp each | [mailbox: kind u8, id 32 B, hint lp (0 = none)] |
//   bundle: lp (PreKeyBundle protobuf) | created-at i64 BE | expires-at i64 BE (Unix seconds) | signature: lp
// where lp = unsigned varint length (minimal) ‖ bytes. The signature is by the DID's key over
//   "wot.id/invitation/v1" ‖ every byte before the signature's length prefix
// (ML-DSA: FIPS 204 pure with the empty context, as all DID signatures in this project). A did:key is never
// written as text: its Multikey carries the public key once and the DID is derived from it (did:key v0.9 §3).
using System;
using System.Text;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Identity.Keys;
using WotId.Libp2p.Multiaddr;

namespace WotId.Node.Invitations;

/// <summary>Signs invitations into <c>wotid:1/</c> URIs and decodes their structure (no signature or time checks: see <see cref="InvitationVerifier"/>).</summary>
public static partial class InvitationCodec
{
    /// <summary>The domain-separation prefix of the signed bytes.</summary>
    public const string SignatureContext = "wot.id/invitation/v1";

    internal const byte FlagDisplayName = 0x01;
    internal const byte FlagMailbox = 0x02;
    internal const byte DidFormKey = 0;
    internal const byte DidFormText = 1;

    private static readonly byte[] s_context = Encoding.ASCII.GetBytes(SignatureContext);

    /// <summary>Signs <paramref name="invitation"/> with the DID's key and returns the <c>wotid:1/</c> URI.</summary>
    /// <exception cref="ArgumentException">A field breaks a limit of <see cref="InvitationLimits"/>, or the key is not the did:key's.</exception>
    public static string Encode(Invitation invitation, SigningKey key) => InvitationUri.Format(EncodeBinary(invitation, key));

    /// <summary>The signed binary form (what the URI carries in base32).</summary>
    internal static byte[] EncodeBinary(Invitation invitation, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(key);
        if (invitation.Did.StartsWith(DidKey.Prefix, StringComparison.Ordinal) && invitation.Did != key.Did)
        {
            throw new ArgumentException("the signing key is not the key of the invitation's did:key", nameof(key));
        }

        InvitationWriter w = WriteBody(invitation);
        byte[] body = w.ToArray();
        w.WriteLengthPrefixed(key.Sign(SignedMessage(body)));
        byte[] binary = w.ToArray();
        try
        {
            _ = DecodeBinary(binary);
        }
        catch (InvitationException e)
        {
            // The writer never emits what the reader refuses: the decoder is the one statement of the rules.
            throw new ArgumentException("the invitation breaks a rule of the format: " + e.Message, nameof(invitation), e);
        }

        return binary;
    }

    internal static byte[] SignedMessage(ReadOnlySpan<byte> body)
    {
        var message = new byte[s_context.Length + body.Length];
        s_context.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(s_context.Length));
        return message;
    }

    private static InvitationWriter WriteBody(Invitation invitation)
    {
        if (invitation.Version != Invitation.CurrentVersion)
        {
            throw new ArgumentException("only version 1 invitations are written", nameof(invitation));
        }

        if (invitation.ListenAddresses.Count > InvitationLimits.MaxAddresses)
        {
            throw new ArgumentException($"at most {InvitationLimits.MaxAddresses} listen addresses", nameof(invitation));
        }

        var w = new InvitationWriter();
        w.WriteByte(Invitation.CurrentVersion);
        w.WriteByte((byte)((invitation.DisplayName is null ? 0 : FlagDisplayName) | (invitation.Mailbox is null ? 0 : FlagMailbox)));
        if (invitation.DisplayName is not null)
        {
            w.WriteLengthPrefixed(InvitationText.Encode(invitation.DisplayName, "display name", InvitationLimits.MaxDisplayNameBytes));
        }

        WriteDid(w, invitation.Did);
        w.WriteLengthPrefixed(invitation.PeerId.Bytes.Span);
        w.WriteByte((byte)invitation.ListenAddresses.Count);
        foreach (Multiaddress address in invitation.ListenAddresses)
        {
            w.WriteLengthPrefixed(address.ToBytes());
        }

        if (invitation.Mailbox is { } mailbox)
        {
            w.WriteByte((byte)mailbox.Kind);
            w.WriteRaw(mailbox.MailboxId.Span);
            w.WriteLengthPrefixed(mailbox.Hint is null ? [] : InvitationText.Encode(mailbox.Hint, "mailbox hint", InvitationLimits.MaxMailboxHintBytes));
        }

        w.WriteLengthPrefixed(invitation.Bundle.Serialize());
        w.WriteInt64BigEndian(invitation.CreatedAt.ToUnixTimeSeconds());
        w.WriteInt64BigEndian(invitation.ExpiresAt.ToUnixTimeSeconds());
        return w;
    }

    private static void WriteDid(InvitationWriter w, string did)
    {
        if (!did.StartsWith(DidKey.Prefix, StringComparison.Ordinal))
        {
            w.WriteByte(DidFormText);
            w.WriteLengthPrefixed(InvitationText.Encode(did, "DID", InvitationLimits.MaxDidTextBytes));
            return;
        }

        DidPublicKey key;
        try
        {
            key = DidKey.Parse(did);
        }
        catch (IdentityFormatException e)
        {
            throw new ArgumentException("the invitation's did:key does not decode", nameof(did), e);
        }

        if (DidKey.Create(key) != did)
        {
            throw new ArgumentException("a did:key must be in its canonical base58btc form", nameof(did));
        }

        w.WriteByte(DidFormKey);
        w.WriteLengthPrefixed(Multikey.EncodeBytes(key));
    }
}
