// The packed form of a did:iota document held by the Identity object's `did_doc` controlled value
// (identity_iota_core state_metadata/document.rs, StateMetadataVersion::V1, StateMetadataEncoding::Json):
//
//   offset 0..2  "DID" (0x44 0x49 0x44)      marker
//   offset 3     0x01                        version
//   offset 4     0x00                        encoding: JSON
//   offset 5..6  u16 little-endian           length n of the JSON
//   offset 7..   n bytes                     {"doc":{…, DID replaced by "did:0:0"},"meta":{"created","updated",…}}
//
// Bytes after the n JSON bytes are ignored, as the reference does. The JSON is at most 65,535 bytes (u16).
// Packing writes serde_json's member order and escaping so the bytes equal identity-wasm's IotaDocument.pack().
using System;
using System.Buffers.Binary;
using System.Text.Json;

namespace WotId.Identity.Dids.Iota;

/// <summary>Packs and unpacks did:iota documents in their on-chain byte form.</summary>
public static class IotaDidDocumentPacking
{
    /// <summary>Marker, version, encoding and length.</summary>
    public const int HeaderLength = 7;

    /// <summary>The only version defined.</summary>
    public const byte Version = 1;

    /// <summary>The JSON encoding (the only one defined).</summary>
    public const byte JsonEncoding = 0;

    /// <summary>Largest JSON payload (the length field is a u16).</summary>
    public const int MaxJsonLength = ushort.MaxValue;

    /// <summary>Packs a DID document given as JSON; its <c>id</c> must be a did:iota DID or <c>did:0:0</c>.</summary>
    /// <exception cref="IdentityFormatException">Not a did:iota document, or the JSON exceeds 65,535 bytes.</exception>
    public static byte[] Pack(string documentJson, IotaDocumentMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(documentJson);
        ArgumentNullException.ThrowIfNull(metadata);
        using JsonDocument doc = IdentityJson.ParseObject(documentJson, DidDocument.MaxJsonBytes);
        if (!doc.RootElement.TryGetProperty("id", out JsonElement idElement) || idElement.ValueKind != JsonValueKind.String)
        {
            throw new IdentityFormatException(IdentityError.MalformedDidDocument, "a DID document needs a string id");
        }

        string id = idElement.GetString()!;
        IotaDid? self = null;
        if (id != IotaDid.Placeholder && !IotaDid.TryParse(id, out self))
        {
            throw new IdentityFormatException(IdentityError.MalformedDid, "only did:iota documents can be packed");
        }

        var w = new SerdeJsonWriter();
        w.Raw("{\"doc\":");
        IotaPackedJson.WriteDocument(w, doc.RootElement, s => ToPlaceholder(s, self));
        w.Raw(",\"meta\":");
        IotaPackedJson.WriteMetadata(w, metadata);
        w.Raw('}');
        byte[] json = w.ToUtf8();
        if (json.Length > MaxJsonLength)
        {
            throw new IdentityFormatException(IdentityError.TooLarge, $"packed documents hold at most {MaxJsonLength} bytes of JSON");
        }

        byte[] packed = new byte[HeaderLength + json.Length];
        "DID"u8.CopyTo(packed);
        packed[3] = Version;
        packed[4] = JsonEncoding;
        BinaryPrimitives.WriteUInt16LittleEndian(packed.AsSpan(5), (ushort)json.Length);
        json.CopyTo(packed.AsSpan(HeaderLength));
        return packed;
    }

    /// <summary>Packs a wot.id DID document (its id must be a did:iota DID).</summary>
    /// <exception cref="IdentityFormatException">Not a did:iota document, or too large.</exception>
    public static byte[] Pack(DidDocument document, IotaDocumentMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Pack(document.ToJson(), metadata);
    }

    /// <summary>Unpacks on-chain bytes and puts <paramref name="did"/> in place of the placeholder.</summary>
    /// <exception cref="IdentityFormatException">
    /// <see cref="IdentityError.MalformedPackedDocument"/> for a bad marker, version, encoding, length or shape;
    /// <see cref="IdentityError.MalformedJson"/> for bad JSON.
    /// </exception>
    public static IotaPackedDocument Unpack(ReadOnlySpan<byte> packed, IotaDid did)
    {
        ArgumentNullException.ThrowIfNull(did);
        if (packed.Length < HeaderLength)
        {
            throw Malformed("shorter than the 7-byte header");
        }

        if (!packed[..3].SequenceEqual("DID"u8))
        {
            throw Malformed("missing the DID marker");
        }

        if (packed[3] != Version)
        {
            throw Malformed("unsupported version");
        }

        if (packed[4] != JsonEncoding)
        {
            throw Malformed("unsupported encoding");
        }

        int length = BinaryPrimitives.ReadUInt16LittleEndian(packed[5..]);
        if (packed.Length - HeaderLength < length)
        {
            throw Malformed("document shorter than its length prefix");
        }

        using JsonDocument root = IdentityJson.ParseObject(packed.Slice(HeaderLength, length).ToArray(), MaxJsonLength);
        if (!root.RootElement.TryGetProperty("doc", out JsonElement doc) || doc.ValueKind != JsonValueKind.Object
            || !root.RootElement.TryGetProperty("meta", out JsonElement meta) || meta.ValueKind != JsonValueKind.Object)
        {
            throw Malformed("expected {\"doc\":{…},\"meta\":{…}}");
        }

        if (!doc.TryGetProperty("id", out JsonElement id) || id.ValueKind != JsonValueKind.String || id.GetString() != IotaDid.Placeholder)
        {
            throw Malformed("the document id is not the placeholder did:0:0");
        }

        var w = new SerdeJsonWriter();
        IotaPackedJson.WriteDocument(w, doc, s => FromPlaceholder(s, did));
        return new IotaPackedDocument(did, w.ToString(), ReadMetadata(meta));
    }

    private static IotaDocumentMetadata ReadMetadata(JsonElement meta)
    {
        DateTimeOffset? created = null;
        DateTimeOffset? updated = null;
        bool? deactivated = null;
        var properties = new System.Collections.Generic.Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty p in meta.EnumerateObject())
        {
            switch (p.Name)
            {
                case "created" when p.Value.ValueKind == JsonValueKind.String:
                    created = IotaDocumentMetadata.ParseTimestamp(p.Value.GetString()!);
                    break;
                case "updated" when p.Value.ValueKind == JsonValueKind.String:
                    updated = IotaDocumentMetadata.ParseTimestamp(p.Value.GetString()!);
                    break;
                case "deactivated" when p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    deactivated = p.Value.GetBoolean();
                    break;
                case "created" or "updated" or "deactivated" when p.Value.ValueKind == JsonValueKind.Null:
                    break;
                case "created" or "updated" or "deactivated":
                    throw Malformed($"metadata member {p.Name} has the wrong type");
                default:
                    properties[p.Name] = p.Value.GetRawText();
                    break;
            }
        }

        return new IotaDocumentMetadata(created, updated, deactivated, properties);
    }

    // identity_iota_core: self-referential DIDs become the placeholder, others stay; relative references
    // (wot.id writes "#key") are made absolute against the placeholder.
    private static string ToPlaceholder(string didUrl, IotaDid? self)
    {
        if (didUrl.StartsWith('#'))
        {
            return IotaDid.Placeholder + didUrl;
        }

        int end = didUrl.AsSpan().IndexOfAny('/', '?', '#');
        string didPart = end < 0 ? didUrl : didUrl[..end];
        return self is not null && IotaDid.TryParse(didPart, out IotaDid? parsed) && parsed.Equals(self)
            ? IotaDid.Placeholder + didUrl[didPart.Length..]
            : didUrl;
    }

    private static string FromPlaceholder(string didUrl, IotaDid did)
    {
        int end = didUrl.AsSpan().IndexOfAny('/', '?', '#');
        string didPart = end < 0 ? didUrl : didUrl[..end];
        return didPart == IotaDid.Placeholder ? did.Value + didUrl[didPart.Length..] : didUrl;
    }

    private static IdentityFormatException Malformed(string message) =>
        new(IdentityError.MalformedPackedDocument, message);
}
