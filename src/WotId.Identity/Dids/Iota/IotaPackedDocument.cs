// An unpacked on-chain did:iota document: the DID document JSON with the placeholder replaced by the DID,
// and its metadata (identity_iota_core StateMetadataDocument::into_iota_document).
namespace WotId.Identity.Dids.Iota;

/// <summary>A DID document read from its packed on-chain form.</summary>
public sealed class IotaPackedDocument
{
    internal IotaPackedDocument(IotaDid did, string documentJson, IotaDocumentMetadata metadata)
    {
        Did = did;
        DocumentJson = documentJson;
        Metadata = metadata;
    }

    /// <summary>The DID the placeholder was replaced with.</summary>
    public IotaDid Did { get; }

    /// <summary>The document as JSON, in IOTA Identity's member order, with the DID in place of <c>did:0:0</c>.</summary>
    public string DocumentJson { get; }

    /// <summary>The packed metadata (created, updated, deactivated, custom members).</summary>
    public IotaDocumentMetadata Metadata { get; }

    /// <summary>True when the metadata marks the document deactivated.</summary>
    public bool IsDeactivated => Metadata.Deactivated == true;

    /// <summary>The document in wot.id's model (see <see cref="IotaDidDocumentJson.Parse"/>).</summary>
    /// <exception cref="IdentityFormatException">The document uses methods wot.id does not read.</exception>
    public DidDocument ToDidDocument() => IotaDidDocumentJson.Parse(DocumentJson);
}
