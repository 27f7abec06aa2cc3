// libp2p/specs peer-ids/peer-ids.md, "Peer Ids" and "String representation": the multihash of the encoded public
// key (identity when ≤ 42 bytes, else sha2-256), shown as base58btc, parsed from base58btc or a CIDv1 (libp2p-key).
using System;
using System.Buffers;
using WotId.Core.Encoding;
using WotId.Crypto;

namespace WotId.Libp2p.Peer;

/// <summary>A libp2p peer id (the multihash bytes).</summary>
public sealed class PeerId : IEquatable<PeerId>
{
    /// <summary>Keys whose encoding is at most this long are inlined with the identity multihash.</summary>
    public const int MaxInlineKeyLength = 42;

    /// <summary>Multihash code of the identity "hash".</summary>
    public const byte IdentityCode = 0x00;

    /// <summary>Multihash code of sha2-256.</summary>
    public const byte Sha256Code = 0x12;

    /// <summary>Multicodec of libp2p-key, used in the CID form.</summary>
    public const byte Libp2pKeyCodec = 0x72;

    /// <summary>Longest multihash accepted (sha2-256 is 34 bytes, an inlined key at most 44).</summary>
    public const int MaxLength = 64;

    private readonly byte[] _bytes;
    private readonly PeerPublicKey? _inlinedKey;
    private string? _text;

    private PeerId(byte[] bytes, PeerPublicKey? inlinedKey)
    {
        _bytes = bytes;
        _inlinedKey = inlinedKey;
    }

    /// <summary>The multihash bytes (what <c>/p2p/</c> carries in binary multiaddrs).</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>Derives the peer id of <paramref name="publicKey"/>.</summary>
    public static PeerId FromPublicKey(PeerPublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ReadOnlySpan<byte> encoded = publicKey.EncodedSpan;
        if (encoded.Length <= MaxInlineKeyLength)
        {
            var mh = new byte[2 + encoded.Length];
            mh[0] = IdentityCode;
            mh[1] = (byte)encoded.Length;
            encoded.CopyTo(mh.AsSpan(2));
            return new PeerId(mh, publicKey);
        }

        var sha = new byte[34];
        sha[0] = Sha256Code;
        sha[1] = 32;
        Sha256.Hash(encoded, sha.AsSpan(2));
        return new PeerId(sha, null);
    }

    /// <summary>Reads a peer id from its multihash bytes.</summary>
    /// <exception cref="PeerIdFormatException">Not an identity (with a valid key) or sha2-256 multihash.</exception>
    public static PeerId FromBytes(ReadOnlySpan<byte> multihash)
    {
        if (multihash.IsEmpty)
        {
            throw new PeerIdFormatException(PeerIdError.Empty, "empty peer id");
        }

        if (multihash.Length > MaxLength)
        {
            throw new PeerIdFormatException(PeerIdError.TooLong, "peer id multihash too long");
        }

        if (Varint.TryRead(multihash, out ulong code, out int n1) != OperationStatus.Done
            || Varint.TryRead(multihash[n1..], out ulong length, out int n2) != OperationStatus.Done
            || length != (ulong)(multihash.Length - n1 - n2))
        {
            throw new PeerIdFormatException(PeerIdError.InvalidMultihash, "malformed peer id multihash");
        }

        ReadOnlySpan<byte> digest = multihash[(n1 + n2)..];
        if (code == Sha256Code && digest.Length == 32)
        {
            return new PeerId(multihash.ToArray(), null);
        }

        if (code == IdentityCode && digest.Length <= MaxInlineKeyLength)
        {
            PeerPublicKey key = PeerPublicKey.Decode(digest);
            return new PeerId(multihash.ToArray(), key);
        }

        throw new PeerIdFormatException(PeerIdError.UnsupportedMultihash, "peer id is neither an identity nor a sha2-256 multihash");
    }

    /// <summary>Parses the base58btc form (<c>12D3KooW…</c>, <c>Qm…</c>) or a CIDv1 multibase form (<c>bafz…</c>).</summary>
    /// <exception cref="PeerIdFormatException">Not a valid peer id.</exception>
    public static PeerId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new PeerIdFormatException(PeerIdError.Empty, "empty peer id");
        }

        if (text.Length > 2 * MaxLength)
        {
            throw new PeerIdFormatException(PeerIdError.TooLong, "peer id text too long");
        }

        if (text[0] == '1' || text.StartsWith("Qm", StringComparison.Ordinal))
        {
            return FromBytes(DecodeText(text, multibase: false));
        }

        byte[] cid = DecodeText(text, multibase: true);
        if (Varint.TryRead(cid, out ulong version, out int n1) != OperationStatus.Done || version != 1
            || Varint.TryRead(cid.AsSpan(n1), out ulong codec, out int n2) != OperationStatus.Done || codec != Libp2pKeyCodec)
        {
            throw new PeerIdFormatException(PeerIdError.InvalidCid, "not a CIDv1 with the libp2p-key codec");
        }

        return FromBytes(cid.AsSpan(n1 + n2));
    }

    /// <summary>Like <see cref="Parse"/> but returns false instead of throwing.</summary>
    public static bool TryParse(string? text, out PeerId? peerId)
    {
        peerId = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            peerId = Parse(text);
            return true;
        }
        catch (PeerIdFormatException)
        {
            return false;
        }
    }

    /// <summary>The public key when it is inlined in the id (identity multihash: Ed25519, secp256k1).</summary>
    public bool TryGetPublicKey(out PeerPublicKey? publicKey)
    {
        publicKey = _inlinedKey;
        return publicKey is not null;
    }

    /// <summary>True when <paramref name="publicKey"/> derives this id.</summary>
    public bool Matches(PeerPublicKey publicKey) => Equals(FromPublicKey(publicKey));

    /// <summary>The CIDv1 form: multibase base32 of <c>01 72 multihash</c> (starts with <c>bafz</c> for Ed25519 keys).</summary>
    public string ToCidString()
    {
        var cid = new byte[2 + _bytes.Length];
        cid[0] = 1;
        cid[1] = Libp2pKeyCodec;
        _bytes.CopyTo(cid, 2);
        return Multibase.Encode(MultibaseEncoding.Base32, cid);
    }

    /// <summary>The base58btc form, the display form.</summary>
    public override string ToString() => _text ??= Base58.Encode(_bytes);

    /// <inheritdoc />
    public bool Equals(PeerId? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PeerId);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(PeerId? left, PeerId? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(PeerId? left, PeerId? right) => !(left == right);

    private static byte[] DecodeText(string text, bool multibase)
    {
        try
        {
            return multibase ? Multibase.Decode(text) : Base58.Decode(text);
        }
        catch (FormatException e)
        {
            throw new PeerIdFormatException("invalid peer id text", e);
        }
    }
}
