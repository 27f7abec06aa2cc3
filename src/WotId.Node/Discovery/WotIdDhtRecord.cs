// The wot.id DHT record (docs/discovery.md, "wot.id records"), stored on the separate DHT /wotid/kad/1.0.0 under
// the key "/wotid/" ‖ SHA-256(DID). It is a protobuf-style message signed by the DID's ML-DSA key (did:key; the
// public key travels in the DID itself), so any DHT server can check it without resolving anything:
//
// | field | number | type   | limit                                         |
// |-------|--------|--------|-----------------------------------------------|
// | did   | 1      | string | 8 KiB (an ML-DSA-65 did:key is ≈ 2.6 K chars)  |
// | peer  | 2      | bytes  | a libp2p peer id                              |
// | addrs | 3      | bytes  | up to 16 binary multiaddrs (relay ones too)   |
// | mailbox | 4    | string | 512 bytes                                     |
// | bundle | 5     | bytes  | 16 KiB, the signed prekey bundle, optional    |
// | seq   | 6      | uint64 | higher wins                                   |
// | expires | 7    | uint64 | unix seconds                                  |
// | mailbox host | 8 | string | 512 bytes, a hosted mailbox's host multiaddr, optional |
// | sig   | 15     | bytes  | ML-DSA over "wot.id/dht-record/v1" ‖ fields 1–8 as encoded |
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using WotId.Core.Protobuf;
using WotId.Crypto;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Identity.Keys;
using WotId.Libp2p.Kademlia;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Node.Discovery;

/// <summary>Where a DID's owner can be reached, signed by the DID's key.</summary>
public sealed class WotIdDhtRecord
{
    /// <summary>The key namespace (the record key is <c>/wotid/</c> followed by the 32-byte SHA-256 of the DID).</summary>
    public const string Namespace = "wotid";

    /// <summary>Most addresses in one record.</summary>
    public const int MaxAddresses = 16;

    private const int MaxDidLength = 8 * 1024;
    private const int MaxMailboxLength = 512;
    private const int MaxBundleLength = 16 * 1024;
    private static readonly byte[] s_context = Encoding.ASCII.GetBytes("wot.id/dht-record/v1");

    /// <summary>Creates a record (sign it with <see cref="Sign"/>).</summary>
    public WotIdDhtRecord(string did, PeerId peerId, IReadOnlyList<Multiaddress> addresses, string? mailboxId, byte[]? prekeyBundle, ulong sequence, DateTimeOffset expiresAt)
    {
        Did = did ?? throw new ArgumentNullException(nameof(did));
        PeerId = peerId ?? throw new ArgumentNullException(nameof(peerId));
        Addresses = (addresses ?? throw new ArgumentNullException(nameof(addresses))).Take(MaxAddresses).ToList();
        MailboxId = mailboxId;
        PrekeyBundle = prekeyBundle;
        Sequence = sequence;
        ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds());
    }

    /// <summary>The DID (a did:key of an ML-DSA key).</summary>
    public string Did { get; }

    /// <summary>The libp2p peer id of the DID owner's node.</summary>
    public PeerId PeerId { get; }

    /// <summary>Addresses of that node (without <c>/p2p</c>).</summary>
    public IReadOnlyList<Multiaddress> Addresses { get; }

    /// <summary>The mailbox where messages wait while the node is offline, or null.</summary>
    public string? MailboxId { get; }

    /// <summary>
    /// Where <see cref="MailboxId"/> is hosted (a multiaddr ending in <c>/p2p/&lt;host&gt;</c>, docs/mailbox.md
    /// "Hosted mailboxes"), or null for a mailbox that is not hosted.
    /// </summary>
    public string? MailboxHost { get; init; }

    /// <summary>The current signed prekey bundle, or null.</summary>
    public byte[]? PrekeyBundle { get; }

    /// <summary>Sequence number: a record with a higher one replaces this one.</summary>
    public ulong Sequence { get; }

    /// <summary>When the record stops being valid.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The DHT key of <paramref name="did"/>: <c>/wotid/</c> ‖ SHA-256(DID).</summary>
    public static byte[] KeyOf(string did)
    {
        ArgumentNullException.ThrowIfNull(did);
        return [.. "/wotid/"u8, .. Sha256.Hash(Encoding.UTF8.GetBytes(did))];
    }

    /// <summary>Signs the record with the DID's key; returns the DHT value.</summary>
    /// <exception cref="ArgumentException">The key is not the DID's key or not ML-DSA.</exception>
    public byte[] Sign(SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Did != Did || key.Algorithm is not (KeyAlgorithm.MLDsa44 or KeyAlgorithm.MLDsa65 or KeyAlgorithm.MLDsa87))
        {
            throw new ArgumentException("the record must be signed by the DID's own ML-DSA key", nameof(key));
        }

        byte[] body = EncodeBody();
        byte[] signature = key.Sign([.. s_context, .. body]);
        var w = new ProtobufWriter(body.Length + signature.Length + 8);
        w.WriteRaw(body);
        w.WriteBytes(15, signature);
        return w.ToArray();
    }

    /// <summary>Decodes a value and checks its signature (not its time or key; see <see cref="WotIdDhtRecordValidator"/>).</summary>
    /// <exception cref="KadException"><see cref="KadError.InvalidRecord"/> or <see cref="KadError.TooLarge"/>.</exception>
    public static WotIdDhtRecord Open(ReadOnlySpan<byte> value)
    {
        if (value.Length > KadProtocol.MaxValueLength)
        {
            throw new KadException(KadError.TooLarge, "the wot.id record exceeds " + KadProtocol.MaxValueLength + " bytes");
        }

        string? did = null, mailbox = null, mailboxHost = null;
        byte[]? peer = null, bundle = null, signature = null;
        var addrs = new List<Multiaddress>();
        ulong seq = 0, expires = 0;
        int bodyEnd = 0;
        try
        {
            var r = new ProtobufReader(value);
            while (r.TryReadTag(out int field, out WireType wire))
            {
                if (signature is not null)
                {
                    throw Invalid("fields after the signature");
                }

                switch (field)
                {
                    case 1: did = Bounded(r.ReadString(wire), MaxDidLength, "DID"); break;
                    case 2: peer = r.ReadBytes(wire).ToArray(); break;
                    case 3:
                        if (addrs.Count == MaxAddresses)
                        {
                            throw Invalid("too many addresses");
                        }

                        addrs.Add(Multiaddress.FromBytes(r.ReadBytes(wire)));
                        break;
                    case 4: mailbox = Bounded(r.ReadString(wire), MaxMailboxLength, "mailbox id"); break;
                    case 5:
                        ReadOnlySpan<byte> b = r.ReadBytes(wire);
                        bundle = b.Length <= MaxBundleLength ? b.ToArray() : throw Invalid("prekey bundle too large");
                        break;
                    case 6: seq = r.ReadUInt64(wire); break;
                    case 7: expires = r.ReadUInt64(wire); break;
                    case 8: mailboxHost = Bounded(r.ReadString(wire), MaxMailboxLength, "mailbox host"); break;
                    case 15: signature = r.ReadBytes(wire).ToArray(); break;
                    default: throw Invalid("unknown field " + field);
                }

                if (signature is null)
                {
                    bodyEnd = r.Position;
                }
            }
        }
        catch (Exception e) when (e is ProtobufException or FormatException)
        {
            throw new KadException(KadError.InvalidRecord, "malformed wot.id record: " + e.Message, e);
        }

        if (did is null || peer is null || signature is null || expires > (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw Invalid("a wot.id record needs a DID, a peer id, an expiry and a signature");
        }

        var record = new WotIdDhtRecord(did, ParsePeer(peer), addrs, mailbox, bundle, seq, DateTimeOffset.FromUnixTimeSeconds((long)expires))
        {
            MailboxHost = mailboxHost,
        };
        ReadOnlySpan<byte> signedBody = value[..bodyEnd];
        if (!VerifySignature(did, signedBody, signature))
        {
            throw Invalid("the signature is not the DID key's");
        }

        return record;
    }

    private byte[] EncodeBody()
    {
        var w = new ProtobufWriter(256);
        w.WriteString(1, Did);
        w.WriteBytes(2, PeerId.Bytes.Span);
        foreach (Multiaddress a in Addresses)
        {
            w.WriteBytes(3, a.ToBytes());
        }

        if (MailboxId is not null)
        {
            w.WriteString(4, MailboxId);
        }

        if (PrekeyBundle is not null)
        {
            w.WriteBytes(5, PrekeyBundle);
        }

        w.WriteUInt64(6, Sequence);
        w.WriteUInt64(7, (ulong)ExpiresAt.ToUnixTimeSeconds());
        if (MailboxHost is not null)
        {
            w.WriteString(8, MailboxHost);
        }

        return w.ToArray();
    }

    private static bool VerifySignature(string did, ReadOnlySpan<byte> body, byte[] signature)
    {
        DidPublicKey key;
        try
        {
            key = DidKey.Parse(did);
        }
        catch (IdentityFormatException e)
        {
            throw new KadException(KadError.InvalidRecord, "the record's DID is not a did:key", e);
        }

        MLDsaAlgorithm algorithm = key.Algorithm switch
        {
            KeyAlgorithm.MLDsa44 => MLDsaAlgorithm.MLDsa44,
            KeyAlgorithm.MLDsa65 => MLDsaAlgorithm.MLDsa65,
            KeyAlgorithm.MLDsa87 => MLDsaAlgorithm.MLDsa87,
            _ => throw Invalid("the record's DID key is not ML-DSA"),
        };
        byte[] message = [.. s_context, .. body];
        return signature.Length == MLDsa.SignatureSize(algorithm) && MLDsa.Verify(algorithm, key.Key, message, ReadOnlySpan<byte>.Empty, signature);
    }

    private static PeerId ParsePeer(byte[] bytes)
    {
        try
        {
            return PeerId.FromBytes(bytes);
        }
        catch (FormatException e)
        {
            throw new KadException(KadError.InvalidRecord, "the record's peer id is malformed", e);
        }
    }

    private static string Bounded(string s, int max, string what) => s.Length <= max ? s : throw Invalid(what + " too long");

    private static KadException Invalid(string message) => new(KadError.InvalidRecord, message);
}
