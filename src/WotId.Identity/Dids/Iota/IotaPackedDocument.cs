// An unpacked on-chain did:iota document: the DID document JSON with the placeholder replaced by the DID,
// and its metadata (identity_iota_core StateMetadataDocument::into_iota_document).
using System.Text.Json.Nodes;

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

    /// <summary>
    /// The document in wot.id's model (see <see cref="DidDocument.Parse"/> for the supported methods). Methods that
    /// IOTA Identity embeds in a relationship (its <c>generateMethod</c> with a relationship scope does) are moved
    /// to <c>verificationMethod</c> and referenced by id (DID Core 1.0 §5.3.1 allows both forms).
    /// </summary>
    /// <exception cref="IdentityFormatException">The document uses methods wot.id does not read.</exception>
    public DidDocument ToDidDocument()
    {
        JsonObject doc = JsonNode.Parse(DocumentJson)!.AsObject();
        JsonArray methods = doc["verificationMethod"] switch
        {
            null => [],
            JsonArray array => array,
            _ => throw new IdentityFormatException(IdentityError.MalformedDidDocument, "verificationMethod must be an array"),
        };
        foreach (string relationship in (string[])["authentication", "assertionMethod", "keyAgreement", "capabilityDelegation", "capabilityInvocation"])
        {
            if (doc[relationship] is not JsonArray refs)
            {
                continue;
            }

            for (int i = 0; i < refs.Count; i++)
            {
                if (refs[i] is JsonObject embedded && embedded["id"] is JsonValue id && id.TryGetValue(out string? methodId))
                {
                    refs[i] = methodId;
                    methods.Add(embedded.DeepClone());
                }
            }
        }

        doc["verificationMethod"] = methods;
        return DidDocument.Parse(doc.ToJsonString());
    }
}
