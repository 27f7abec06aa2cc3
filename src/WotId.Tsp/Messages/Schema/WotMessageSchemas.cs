// wot.id message payload schemas (docs/messages.md is the prose form of this table; wot.id-public-docs
// 06_P2P_Communication.md §5.2 defines the first six payload shapes, the project the rest).
using System.Collections.Frozen;
using System.Collections.Generic;

namespace WotId.Tsp.Messages.Schema;

/// <summary>The payload schema of every wot.id message type.</summary>
internal static class WotMessageSchemas
{
    /// <summary>Longest chat text, in UTF-16 code units.</summary>
    public const int MaxChatText = 16384;

    /// <summary>Largest file chunk carried inside a <c>file.chunk</c> message, in bytes (before base64url).</summary>
    public const int MaxChunkBytes = 65536;

    /// <summary>Largest file size announced in a file.offer: no cap beyond a signed 64-bit length (2^63 − 1).</summary>
    public const long MaxFileSize = long.MaxValue;

    /// <summary>Smallest chunk size a file.offer may announce (bytes of plaintext per chunk on /wotid/file/2.0.0).</summary>
    public const int MinOfferChunkSize = 1024;

    /// <summary>Largest chunk size a file.offer may announce (1 MiB; docs/files.md "Limits").</summary>
    public const int MaxOfferChunkSize = 1 << 20;

    private static readonly StringRule s_id = new(1, 128, "message id", WotFormats.IsId);
    private static readonly StringRule s_did = new(7, 4096, "DID", WotFormats.IsDid);
    private static readonly StringRule s_sha256 = new(64, 64, "lowercase hex SHA-256", WotFormats.IsSha256Hex);
    private static readonly StringRule s_blake3 = new(64, 64, "lowercase hex BLAKE3-256", WotFormats.IsSha256Hex); // 32 bytes as well
    private static readonly StringRule s_typeName = new(1, 128, "type name", WotFormats.IsTypeName);
    private static readonly StringRule s_token = new(1, 64, "lowercase token", WotFormats.IsToken);

    private static readonly FrozenDictionary<string, ObjectRule> s_payloads = new Dictionary<string, ObjectRule>
    {
        [WotMessageTypes.ChatText] = new(
            ("content", new StringRule(1, MaxChatText), true),
            ("reply_to", s_id, false)),
        [WotMessageTypes.VcOffer] = new(
            ("credential_summary", new ObjectRule(
                ("type", new ArrayRule(s_typeName, 1, 16), true),
                ("issuer", s_did, false)), true)),
        [WotMessageTypes.VcRequest] = new(
            ("credential_type", s_typeName, true),
            ("challenge", new StringRule(1, 512), false),
            ("audience", new StringRule(1, 4096), false)),
        [WotMessageTypes.VcShare] = new(
            ("credential", new StringOrObjectRule(new StringRule(1, 131072, "compact JWS", WotFormats.IsCompactJws), new AnyObjectRule(64)), true)),
        [WotMessageTypes.TrustAssertion] = new(
            ("target_did", s_did, true),
            ("trust_level", new IntegerRule(-100, 100), true),
            ("context", s_token, true)),
        [WotMessageTypes.DeviceCommand] = new(
            ("command", s_token, true),
            ("params", new AnyObjectRule(64), false)),
        [WotMessageTypes.ReceiptDelivered] = new(
            ("message_ids", new ArrayRule(s_id, 1, 256), true)),
        [WotMessageTypes.ReceiptRead] = new(
            ("message_ids", new ArrayRule(s_id, 1, 256), true)),
        [WotMessageTypes.FileOffer] = new(
            ("file_id", s_id, true),
            ("name", new StringRule(1, 255, "file name", WotFormats.IsFileName), true),
            ("size", new IntegerRule(0, MaxFileSize), true),
            ("mime_type", new StringRule(3, 255, "media type", WotFormats.IsMediaType), true),
            ("blake3", s_blake3, false), // optional: the final chunk carries the hash (BLAKE3-256 since /wotid/file/4.0.0)
            ("chunk_size", new IntegerRule(MinOfferChunkSize, MaxOfferChunkSize), true),
            ("key", new StringRule(43, 43, "32-byte unpadded base64url key", WotFormats.IsBase64Url), true)),
        [WotMessageTypes.FileAccept] = new(
            ("file_id", s_id, true),
            ("offset", new IntegerRule(0, MaxFileSize), false)),
        [WotMessageTypes.FileChunk] = new(
            ("file_id", s_id, true),
            ("index", new IntegerRule(0, int.MaxValue), true),
            ("data", new StringRule(1, ((MaxChunkBytes * 4) + 2) / 3, "unpadded base64url", WotFormats.IsBase64Url), true)),
        [WotMessageTypes.FileDone] = new(
            ("file_id", s_id, true),
            ("chunks", new IntegerRule(0, int.MaxValue), true),
            ("sha256", s_sha256, true)),
        [WotMessageTypes.FileDecline] = new(
            ("file_id", s_id, true),
            ("reason", s_token, false)),
        [WotMessageTypes.FileCancel] = new(
            ("file_id", s_id, true),
            ("reason", s_token, false)),
        [WotMessageTypes.FileReceived] = new(
            ("file_id", s_id, true),
            ("blake3", s_blake3, true)),
        [WotMessageTypes.FilePause] = new(
            ("file_id", s_id, true),
            ("reason", s_token, true)),
    }.ToFrozenDictionary();

    /// <summary>The id rule (also used for the envelope).</summary>
    public static StringRule Id => s_id;

    /// <summary>The payload schema of a type, or null for an unknown type.</summary>
    public static ObjectRule? For(string type) => s_payloads.GetValueOrDefault(type);
}
