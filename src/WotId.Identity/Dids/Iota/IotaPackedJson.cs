// The member order IOTA Identity's serde structs give a packed document (identity_document CoreDocument,
// identity_verification VerificationMethod/Jwk/CompositeJwk, identity_document Service, IotaDocumentMetadata):
// struct fields first in declaration order, empty sets left out, then the flattened `properties` map
// (a BTreeMap, hence sorted by name). Values inside properties keep their input order (serde_json is built
// with preserve_order). DID-valued members (document id and controller, method id and controller,
// relationship references, service id) go through a substitution that swaps the document's DID and the
// placeholder did:0:0 (identity_iota_core state_metadata/document.rs).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace WotId.Identity.Dids.Iota;

/// <summary>Writes DID documents and metadata in IOTA Identity's canonical packed member order.</summary>
internal static class IotaPackedJson
{
    private static readonly string[] s_documentOrder =
        ["id", "controller", "alsoKnownAs", "verificationMethod", "authentication", "assertionMethod", "keyAgreement", "capabilityDelegation", "capabilityInvocation", "service"];

    private static readonly string[] s_relationships =
        ["authentication", "assertionMethod", "keyAgreement", "capabilityDelegation", "capabilityInvocation"];

    private static readonly string[] s_methodOrder =
        ["id", "controller", "type", "publicKeyMultibase", "publicKeyBase58", "publicKeyJwk", "compositeJwk"];

    private static readonly string[] s_serviceOrder = ["id", "type", "serviceEndpoint"];

    private static readonly string[] s_compositeOrder = ["algId", "traditionalPublicKey", "pqPublicKey"];

    private static readonly string[] s_jwkCommon = ["kty", "use", "key_ops", "alg", "kid", "x5u", "x5c", "x5t", "x5t#S256"];

    public static void WriteDocument(SerdeJsonWriter w, JsonElement doc, Func<string, string> did)
    {
        WriteObject(w, doc, s_documentOrder, sortRest: true, (name, value) =>
        {
            switch (name)
            {
                case "id":
                    WriteDidString(w, value, did);
                    return;
                case "controller" when value.ValueKind == JsonValueKind.Array:
                    WriteArray(w, value, e => WriteDidString(w, e, did));
                    return;
                case "controller":
                    WriteDidString(w, value, did);
                    return;
                case "verificationMethod":
                    WriteArray(w, value, e => WriteMethod(w, e, did));
                    return;
                case "service":
                    WriteArray(w, value, e => WriteService(w, e, did));
                    return;
                default:
                    if (s_relationships.Contains(name))
                    {
                        WriteArray(w, value, e =>
                        {
                            if (e.ValueKind == JsonValueKind.Object)
                            {
                                WriteMethod(w, e, did);
                            }
                            else
                            {
                                WriteDidString(w, e, did);
                            }
                        });
                        return;
                    }

                    w.Value(value);
                    return;
            }
        }, skip: (name, value) => value.ValueKind == JsonValueKind.Null
            || (name != "id" && name != "controller" && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0));
    }

    public static void WriteMetadata(SerdeJsonWriter w, IotaDocumentMetadata meta)
    {
        w.Raw('{');
        bool first = true;
        if (meta.Created is { } created)
        {
            w.Comma(ref first);
            w.Name("created");
            w.String(IotaDocumentMetadata.FormatTimestamp(created));
        }

        if (meta.Updated is { } updated)
        {
            w.Comma(ref first);
            w.Name("updated");
            w.String(IotaDocumentMetadata.FormatTimestamp(updated));
        }

        if (meta.Deactivated is { } deactivated)
        {
            w.Comma(ref first);
            w.Name("deactivated");
            w.Raw(deactivated ? "true" : "false");
        }

        foreach (KeyValuePair<string, string> p in meta.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (p.Key is "created" or "updated" or "deactivated")
            {
                continue;
            }

            w.Comma(ref first);
            w.Name(p.Key);
            using JsonDocument value = JsonDocument.Parse(p.Value);
            w.Value(value.RootElement);
        }

        w.Raw('}');
    }

    private static void WriteMethod(SerdeJsonWriter w, JsonElement vm, Func<string, string> did)
    {
        if (vm.ValueKind != JsonValueKind.Object)
        {
            w.Value(vm);
            return;
        }

        WriteObject(w, vm, s_methodOrder, sortRest: true, (name, value) =>
        {
            switch (name)
            {
                case "id" or "controller":
                    WriteDidString(w, value, did);
                    return;
                case "publicKeyJwk":
                    WriteJwk(w, value);
                    return;
                case "compositeJwk":
                    WriteObject(w, value, s_compositeOrder, sortRest: false, (n, v) =>
                    {
                        if (n == "algId")
                        {
                            w.Value(v);
                        }
                        else
                        {
                            WriteJwk(w, v);
                        }
                    });
                    return;
                default:
                    w.Value(value);
                    return;
            }
        });
    }

    private static void WriteService(SerdeJsonWriter w, JsonElement service, Func<string, string> did)
    {
        if (service.ValueKind != JsonValueKind.Object)
        {
            w.Value(service);
            return;
        }

        WriteObject(w, service, s_serviceOrder, sortRest: true, (name, value) =>
        {
            if (name == "id")
            {
                WriteDidString(w, value, did);
            }
            else
            {
                w.Value(value);
            }
        });
    }

    private static void WriteJwk(SerdeJsonWriter w, JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object)
        {
            w.Value(jwk);
            return;
        }

        string? kty = jwk.TryGetProperty("kty", out JsonElement k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        string[] parameters = kty switch
        {
            "OKP" => ["crv", "x", "d"],
            "EC" => ["crv", "x", "y", "d"],
            "RSA" => ["n", "e", "d", "p", "q", "dp", "dq", "qi", "oth"],
            "oct" => ["k"],
            "AKP" => ["pub", "priv"],
            _ => [],
        };
        WriteObject(w, jwk, [.. s_jwkCommon, .. parameters], sortRest: false, (_, v) => w.Value(v));
    }

    private static void WriteDidString(SerdeJsonWriter w, JsonElement value, Func<string, string> did)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            w.String(did(value.GetString()!));
        }
        else
        {
            w.Value(value);
        }
    }

    private static void WriteArray(SerdeJsonWriter w, JsonElement array, Action<JsonElement> item)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            w.Value(array);
            return;
        }

        w.Raw('[');
        bool first = true;
        foreach (JsonElement e in array.EnumerateArray())
        {
            w.Comma(ref first);
            item(e);
        }

        w.Raw(']');
    }

    private static void WriteObject(
        SerdeJsonWriter w,
        JsonElement obj,
        string[] order,
        bool sortRest,
        Action<string, JsonElement> known,
        Func<string, JsonElement, bool>? skip = null)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            w.Value(obj);
            return;
        }

        w.Raw('{');
        bool first = true;
        foreach (string name in order)
        {
            if (obj.TryGetProperty(name, out JsonElement value) && skip?.Invoke(name, value) != true)
            {
                w.Comma(ref first);
                w.Name(name);
                known(name, value);
            }
        }

        IEnumerable<JsonProperty> rest = obj.EnumerateObject().Where(p => !order.Contains(p.Name));
        if (sortRest)
        {
            rest = rest.OrderBy(p => p.Name, StringComparer.Ordinal);
        }

        foreach (JsonProperty p in rest)
        {
            w.Comma(ref first);
            w.Name(p.Name);
            w.Value(p.Value);
        }

        w.Raw('}');
    }
}
