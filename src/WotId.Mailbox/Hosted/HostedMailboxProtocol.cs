// The mailbox host protocol /wotid/mailbox/1.0.0 (docs/mailbox.md "Hosted mailboxes"): one request and one response
// per libp2p stream, each a frame = unsigned varint length (multiformats unsigned-varint, minimal) ‖ body, at most
// MaxFrameBytes. A request that acts as a caller (create, send and the owner operations) carries the caller's
// ML-DSA-65 public key and a signature (FIPS 204 pure, empty context) over
//   "wot.id/mailbox/v1/request" ‖ varint(len(host peer id)) ‖ host peer id ‖ every request byte before the
//   signature's length prefix,
// so a request signed for one host is refused by another; the body holds a timestamp (checked against the host's
// clock) and a 16-byte random nonce (remembered by the host) against replay.
using System;
using System.Text;
using WotId.Core.Encoding;
using WotId.Crypto;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Hosted;

/// <summary>Constants and derivations of <c>/wotid/mailbox/1.0.0</c>.</summary>
public static class HostedMailboxProtocol
{
    /// <summary>The libp2p protocol id.</summary>
    public const string ProtocolId = "/wotid/mailbox/1.0.0";

    /// <summary>The domain-separation prefix of the signed bytes.</summary>
    public const string SignatureContext = "wot.id/mailbox/v1/request";

    /// <summary>The largest request or response body (a 16 000-byte payload, a key and a signature fit).</summary>
    public const int MaxFrameBytes = 32 * 1024;

    /// <summary>Length of the request nonce.</summary>
    public const int NonceBytes = 16;

    /// <summary>The signature algorithm of requests.</summary>
    public const MLDsaAlgorithm SignatureAlgorithm = MLDsaAlgorithm.MLDsa65;

    private static readonly byte[] s_context = Encoding.ASCII.GetBytes(SignatureContext);
    private static readonly byte[] s_callerContext = Encoding.ASCII.GetBytes("wot.id/mailbox/v1/caller");

    /// <summary>
    /// The mailbox address a key acts as on a host: BLAKE2b-256("wot.id/mailbox/v1/caller" ‖ public key). It is the
    /// owner of the mailboxes the key creates and the sender of the messages it sends.
    /// </summary>
    public static IotaAddress CallerAddress(ReadOnlySpan<byte> publicKey)
    {
        var input = new byte[s_callerContext.Length + publicKey.Length];
        s_callerContext.CopyTo(input, 0);
        publicKey.CopyTo(input.AsSpan(s_callerContext.Length));
        return new IotaAddress(Blake2b256.Hash(input));
    }

    /// <summary>The bytes a request signature covers.</summary>
    internal static byte[] SignedMessage(ReadOnlySpan<byte> hostPeerId, ReadOnlySpan<byte> signedPart)
    {
        int prefix = Varint.GetLength((ulong)hostPeerId.Length);
        var message = new byte[s_context.Length + prefix + hostPeerId.Length + signedPart.Length];
        s_context.CopyTo(message, 0);
        int at = s_context.Length + Varint.Write((ulong)hostPeerId.Length, message.AsSpan(s_context.Length));
        hostPeerId.CopyTo(message.AsSpan(at));
        signedPart.CopyTo(message.AsSpan(at + hostPeerId.Length));
        return message;
    }
}
