// Reads DID documents in the JSON IOTA Identity writes (IotaDocument.toJSON(), resolver output, DID document
// files): the document itself or {"doc":{…},"meta":{…}}. Methods embedded in a relationship (identity-wasm's
// generateMethod with a relationship scope embeds them; DID Core 1.0 §5.3.1 allows both forms) are moved to
// verificationMethod and referenced by id, then DidDocument.Parse applies wot.id's rules.
using System.Text.Json.Nodes;

namespace WotId.Identity.Dids.Iota;

/// <summary>Parses IOTA Identity–style DID document JSON into a <see cref="DidDocument"/>.</summary>
public static class IotaDidDocumentJson
{
    private static readonly string[] s_relationships = ["authentication", "assertionMethod", "keyAgreement", "capabilityDelegation", "capabilityInvocation"];

    /// <summary>Parses a DID document (or IOTA's <c>{"doc","meta"}</c> wrapper); a deactivated wrapper is refused.</summary>
    /// <exception cref="IdentityFormatException">Malformed, deactivated, or methods wot.id does not read.</exception>
    public static DidDocument Parse(string json)
    {
        System.ArgumentNullException.ThrowIfNull(json);
        using System.Text.Json.JsonDocument checkedJson = IdentityJson.ParseObject(json, DidDocument.MaxJsonBytes);
        JsonObject doc = JsonNode.Parse(checkedJson.RootElement.GetRawText())!.AsObject();
        if (doc["doc"] is JsonObject inner && doc["id"] is null)
        {
            if (doc["meta"] is JsonObject meta && meta["deactivated"] is JsonValue d && d.TryGetValue(out bool deactivated) && deactivated)
            {
                throw new IdentityFormatException(IdentityError.MalformedDidDocument, "the DID document is deactivated");
            }

            doc = inner;
        }

        JsonArray methods = doc["verificationMethod"] switch
        {
            null => [],
            JsonArray array => array,
            _ => throw new IdentityFormatException(IdentityError.MalformedDidDocument, "verificationMethod must be an array"),
        };
        foreach (string relationship in s_relationships)
        {
            if (doc[relationship] is not JsonArray refs)
            {
                continue;
            }

            for (int i = 0; i < refs.Count; i++)
            {
                if (refs[i] is JsonObject embedded && embedded["id"] is JsonValue id && id.TryGetValue(out string? methodId))
                {
                    methods.Add(embedded.DeepClone());
                    refs[i] = methodId;
                }
            }
        }

        doc["verificationMethod"] = methods;
        return DidDocument.Parse(doc.ToJsonString());
    }
}
