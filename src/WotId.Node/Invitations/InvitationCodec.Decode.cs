// Structural decoding of the binary form (layout at the top of InvitationCodec.cs). Every length is bounded by
// InvitationLimits before it is read; every nested decoder (Multikey, peer id, multiaddr, prekey bundle) is the
// layer's own fuzzed decoder, and its typed exception is mapped to one InvitationError.
using System;
using System.Collections.Generic;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Mailbox.Types;
using WotId.Signal;
using WotId.Signal.Keys;

namespace WotId.Node.Invitations;

/// <summary>Decoding half of the codec.</summary>
public static partial class InvitationCodec
{
    // DateTimeOffset.MaxValue in Unix seconds (9999-12-31T23:59:59Z).
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>Parses the URI and decodes the structure; throws <see cref="InvitationException"/> on any defect.</summary>
    internal static DecodedInvitation Decode(string uri) => DecodeBinary(InvitationUri.Parse(uri));

    /// <summary>Decodes the binary form; throws <see cref="InvitationException"/> on any defect.</summary>
    internal static DecodedInvitation DecodeBinary(ReadOnlySpan<byte> binary)
    {
        var r = new InvitationReader(binary);
        byte version = r.ReadByte("version");
        if (version != Invitation.CurrentVersion)
        {
            throw new InvitationException(InvitationError.UnsupportedVersion, "binary form version " + version + " is not read");
        }

        byte flags = r.ReadByte("flags");
        if ((flags & ~(FlagDisplayName | FlagMailbox)) != 0)
        {
            throw new InvitationException(InvitationError.NonCanonical, "unknown flag bits");
        }

        string? name = (flags & FlagDisplayName) != 0
            ? InvitationText.Decode(r.ReadLengthPrefixed("display name", 1, InvitationLimits.MaxDisplayNameBytes), "display name")
            : null;
        (string did, DidPublicKey? didKey) = ReadDid(ref r);
        PeerId peerId = ReadPeerId(r.ReadLengthPrefixed("peer id", 1, InvitationLimits.MaxPeerIdBytes));
        List<Multiaddress> addresses = ReadAddresses(ref r);
        InvitationMailbox? mailbox = (flags & FlagMailbox) != 0 ? ReadMailbox(ref r) : null;
        PreKeyBundle bundle = ReadBundle(r.ReadLengthPrefixed("prekey bundle", 1, InvitationLimits.MaxBundleBytes));
        (DateTimeOffset created, DateTimeOffset expires) = ReadTimes(ref r);
        int signedLength = r.Position;
        byte[] signature = r.ReadLengthPrefixed("signature", 1, InvitationLimits.MaxSignatureBytes).ToArray();
        if (!r.AtEnd)
        {
            throw new InvitationException(InvitationError.MalformedEncoding, "bytes after the signature");
        }

        var invitation = new Invitation(did, peerId, addresses, bundle, created, expires) { DisplayName = name, Mailbox = mailbox };
        return new DecodedInvitation(invitation, didKey, SignedMessage(binary[..signedLength]), signature);
    }

    private static (string Did, DidPublicKey? Key) ReadDid(ref InvitationReader r)
    {
        byte form = r.ReadByte("DID form");
        if (form == DidFormKey)
        {
            ReadOnlySpan<byte> multikey = r.ReadLengthPrefixed("did:key", 1, InvitationLimits.MaxMultikeyBytes);
            try
            {
                DidPublicKey key = Multikey.DecodeBytes(multikey);
                return (DidKey.Create(key), key);
            }
            catch (IdentityFormatException e)
            {
                throw new InvitationException(InvitationError.InvalidDid, "did:key Multikey does not decode: " + e.Error, e);
            }
        }

        if (form != DidFormText)
        {
            throw new InvitationException(InvitationError.NonCanonical, "unknown DID form " + form);
        }

        string did = InvitationText.Decode(r.ReadLengthPrefixed("DID", 1, InvitationLimits.MaxDidTextBytes), "DID");
        if (did.StartsWith(DidKey.Prefix, StringComparison.Ordinal))
        {
            throw new InvitationException(InvitationError.NonCanonical, "a did:key is carried as its Multikey, not as text");
        }

        return DidSyntax.IsDid(did) ? (did, null) : throw new InvitationException(InvitationError.InvalidDid, "not a DID");
    }

    private static PeerId ReadPeerId(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return PeerId.FromBytes(bytes);
        }
        catch (PeerIdFormatException e)
        {
            throw new InvitationException(InvitationError.InvalidPeerId, "peer id does not decode: " + e.Error, e);
        }
    }

    private static List<Multiaddress> ReadAddresses(ref InvitationReader r)
    {
        int count = r.ReadByte("address count");
        if (count > InvitationLimits.MaxAddresses)
        {
            throw new InvitationException(InvitationError.FieldTooLarge, $"{count} listen addresses exceed the limit of {InvitationLimits.MaxAddresses}");
        }

        var addresses = new List<Multiaddress>(count);
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> bytes = r.ReadLengthPrefixed("listen address", 1, InvitationLimits.MaxAddressBytes);
            try
            {
                addresses.Add(Multiaddress.FromBytes(bytes));
            }
            catch (MultiaddrFormatException e)
            {
                throw new InvitationException(InvitationError.InvalidAddress, "listen address does not decode: " + e.Error, e);
            }
        }

        return addresses;
    }

    private static InvitationMailbox ReadMailbox(ref InvitationReader r)
    {
        byte kind = r.ReadByte("mailbox kind");
        if (kind is not ((byte)InvitationMailboxKind.Embedded or (byte)InvitationMailboxKind.Iota or (byte)InvitationMailboxKind.Hosted))
        {
            throw new InvitationException(InvitationError.InvalidMailbox, "unknown mailbox kind " + kind);
        }

        var id = new IotaAddress(r.ReadRaw("mailbox id", IotaAddress.Length));
        ReadOnlySpan<byte> hint = r.ReadLengthPrefixed("mailbox hint", 0, InvitationLimits.MaxMailboxHintBytes);
        string? text = hint.IsEmpty ? null : InvitationText.Decode(hint, "mailbox hint");
        if (kind == (byte)InvitationMailboxKind.Hosted && !IsHostAddress(text))
        {
            throw new InvitationException(InvitationError.InvalidMailbox, "a hosted mailbox names its host as a multiaddr ending in /p2p/<peer id>");
        }

        return new InvitationMailbox((InvitationMailboxKind)kind, id, text);
    }

    private static bool IsHostAddress(string? text)
    {
        try
        {
            return text is not null && Multiaddress.Parse(text).PeerId is not null;
        }
        catch (Exception e) when (e is MultiaddrFormatException or PeerIdFormatException)
        {
            return false;
        }
    }

    private static PreKeyBundle ReadBundle(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return PreKeyBundle.Deserialize(bytes);
        }
        catch (SignalProtocolException e)
        {
            throw new InvitationException(InvitationError.InvalidBundle, "prekey bundle does not parse: " + e.Error, e);
        }
    }

    private static (DateTimeOffset Created, DateTimeOffset Expires) ReadTimes(ref InvitationReader r)
    {
        long created = r.ReadInt64BigEndian("created-at");
        long expires = r.ReadInt64BigEndian("expires-at");
        if (created < 0 || expires > MaxUnixSeconds || expires <= created)
        {
            throw new InvitationException(InvitationError.InvalidTimes, "created-at must be before expires-at, both within 1970..9999");
        }

        if (expires - created > (long)InvitationLimits.MaxLifetime.TotalSeconds)
        {
            throw new InvitationException(InvitationError.InvalidTimes, $"lifetime exceeds {InvitationLimits.MaxLifetime.TotalDays} days");
        }

        return (DateTimeOffset.FromUnixTimeSeconds(created), DateTimeOffset.FromUnixTimeSeconds(expires));
    }
}
