// DID Core 1.0 §6.2 JSON production/consumption for the subset in DidDocument.cs. Input bound: 256 KiB.
// Method encodings read: Multikey (Controlled Identifiers v1.0 §2.2.2), JsonWebKey / JsonWebKey2020 with an AKP (RFC 9964
// §6) or OKP (RFC 8037 §2) JWK, and IOTA Identity's CompositeJsonWebKey (compositeJwk). Relationships may reference
// methods or embed them (DID Core §5.3; IOTA Identity embeds methods inserted with a relationship scope).
// Written: Multikey by default, or JsonWebKey2020 when asked (VerificationMethodFormat.JsonWebKey) so IOTA Identity's
// resolver and validators find the keys; composite keys are always written as CompositeJsonWebKey.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace WotId.Identity.Dids;

/// <summary>JSON (de)serialization of <see cref="DidDocument"/>.</summary>
public sealed partial class DidDocument
{
    /// <summary>Largest accepted DID document JSON.</summary>
    public const int MaxJsonBytes = 256 * 1024;

    /// <summary>The document as JSON (relationships by relative reference, Multikey base58btc keys).</summary>
    public string ToJson(bool indented = false) => ToJson(VerificationMethodFormat.Multikey, indented);

    /// <summary>The document as JSON with keys in <paramref name="format"/> (relationships by relative reference).</summary>
    public string ToJson(VerificationMethodFormat format, bool indented = false)
    {
        // IOTA Identity's CoreDocument parser wants absolute DID URLs, so the JsonWebKey form writes them absolute.
        bool absolute = format == VerificationMethodFormat.JsonWebKey;
        string Ref(string id) => absolute ? id : Relative(id);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteStartArray("@context");
            foreach (string c in Contexts)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
            w.WriteString("id", Id);
            w.WriteStartArray("verificationMethod");
            foreach (VerificationMethod m in _methods)
            {
                w.WriteStartObject();
                w.WriteString("id", Ref(m.Id));
                WriteKey(w, m, format);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteRelationship(w, "authentication", VerificationRelationship.Authentication, Ref);
            WriteRelationship(w, "assertionMethod", VerificationRelationship.AssertionMethod, Ref);
            WriteRelationship(w, "keyAgreement", VerificationRelationship.KeyAgreement, Ref);
            if (_services.Count > 0)
            {
                w.WriteStartArray("service");
                foreach (DidService s in _services)
                {
                    w.WriteStartObject();
                    w.WriteString("id", Ref(s.Id));
                    w.WriteString("type", s.Type);
                    w.WriteString("serviceEndpoint", s.Endpoint);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Parses a DID document (Multikey or AKP JsonWebKey methods; relationships by reference).</summary>
    /// <exception cref="IdentityFormatException">Malformed or unsupported content.</exception>
    public static DidDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument doc = IdentityJson.ParseObject(json, MaxJsonBytes);
        JsonElement root = doc.RootElement;
        string id = IdentityJson.RequireString(root, "id");
        DidSyntax.Require(id);
        var methods = new List<VerificationMethod>();
        if (root.TryGetProperty("verificationMethod", out JsonElement vms))
        {
            if (vms.ValueKind != JsonValueKind.Array)
            {
                throw new IdentityFormatException(IdentityError.MalformedDidDocument, "verificationMethod must be an array");
            }

            foreach (JsonElement vm in vms.EnumerateArray())
            {
                methods.Add(ReadMethod(vm, id));
            }
        }

        var services = new List<DidService>();
        if (root.TryGetProperty("service", out JsonElement svcs))
        {
            if (svcs.ValueKind != JsonValueKind.Array)
            {
                throw new IdentityFormatException(IdentityError.MalformedDidDocument, "service must be an array");
            }

            foreach (JsonElement s in svcs.EnumerateArray())
            {
                if (s.ValueKind != JsonValueKind.Object)
                {
                    throw new IdentityFormatException(IdentityError.MalformedDidDocument, "service entries must be objects");
                }

                string sId = IdentityJson.RequireString(s, "id");
                services.Add(new DidService(
                    sId.StartsWith('#') ? id + sId : sId,
                    IdentityJson.RequireString(s, "type"),
                    IdentityJson.RequireString(s, "serviceEndpoint")));
            }
        }

        List<string> authentication = ReadReferences(root, "authentication", id, methods);
        List<string> assertionMethod = ReadReferences(root, "assertionMethod", id, methods);
        List<string> keyAgreement = ReadReferences(root, "keyAgreement", id, methods);
        return new DidDocument(id, methods, authentication, assertionMethod, keyAgreement, services);
    }

    /// <summary>
    /// A Multikey (<c>publicKeyMultibase</c>), or — as IOTA Identity v1.7 emits for ML-DSA — a
    /// <c>JsonWebKey</c>/<c>JsonWebKey2020</c> holding an RFC 9964 AKP JWK (<c>publicKeyJwk</c>). Output is always Multikey.
    /// </summary>
    private static DidPublicKey ReadKey(JsonElement vm)
    {
        string type = IdentityJson.RequireString(vm, "type");
        if (type == VerificationMethod.Type)
        {
            return Multikey.Decode(IdentityJson.RequireString(vm, "publicKeyMultibase"));
        }

        if (type is "JsonWebKey" or "JsonWebKey2020" && vm.TryGetProperty("publicKeyJwk", out JsonElement jwk) && jwk.ValueKind == JsonValueKind.Object)
        {
            return IdentityJson.OptionalString(jwk, "kty") == "OKP" ? Jose.OkpJwk.Read(jwk) : Jose.AkpJwk.Parse(jwk.GetRawText());
        }

        if (type == Jose.CompositeJwk.MethodType && vm.TryGetProperty("compositeJwk", out JsonElement composite) && composite.ValueKind == JsonValueKind.Object)
        {
            return Jose.CompositeJwk.Read(composite);
        }

        throw new IdentityFormatException(IdentityError.MalformedDidDocument, "only Multikey, JsonWebKey (AKP/OKP) and CompositeJsonWebKey verification methods are supported");
    }

    private static VerificationMethod ReadMethod(JsonElement vm, string did)
    {
        if (vm.ValueKind != JsonValueKind.Object)
        {
            throw new IdentityFormatException(IdentityError.MalformedDidDocument, "verification methods must be objects");
        }

        string vmId = IdentityJson.RequireString(vm, "id");
        return new VerificationMethod(vmId.StartsWith('#') ? did + vmId : vmId, IdentityJson.RequireString(vm, "controller"), ReadKey(vm));
    }

    /// <summary>A relationship's entries: references, or embedded methods (added to <paramref name="methods"/>).</summary>
    private static List<string> ReadReferences(JsonElement root, string name, string did, List<VerificationMethod> methods)
    {
        var refs = new List<string>();
        if (!root.TryGetProperty(name, out JsonElement v))
        {
            return refs;
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            refs.Add(v.GetString()!);
            return refs;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new IdentityFormatException(IdentityError.MalformedDidDocument, $"{name} must be an array");
        }

        foreach (JsonElement e in v.EnumerateArray())
        {
            if (e.ValueKind == JsonValueKind.String)
            {
                refs.Add(e.GetString()!);
            }
            else
            {
                VerificationMethod embedded = ReadMethod(e, did);
                methods.Add(embedded);
                refs.Add(embedded.Id);
            }
        }

        return refs;
    }

    private static void WriteKey(Utf8JsonWriter w, VerificationMethod m, VerificationMethodFormat format)
    {
        if (KeyAlgorithms.IsComposite(m.PublicKey.Algorithm))
        {
            w.WriteString("type", Jose.CompositeJwk.MethodType);
            w.WriteString("controller", m.Controller);
            Jose.CompositeJwk.Write(w, m.PublicKey);
        }
        else if (format == VerificationMethodFormat.JsonWebKey)
        {
            w.WriteString("type", "JsonWebKey2020");
            w.WriteString("controller", m.Controller);
            w.WritePropertyName("publicKeyJwk");
            if (KeyAlgorithms.IsPostQuantum(m.PublicKey.Algorithm))
            {
                w.WriteRawValue(Jose.AkpJwk.ToJson(m.PublicKey));
            }
            else
            {
                Jose.OkpJwk.Write(w, m.PublicKey);
            }
        }
        else
        {
            w.WriteString("type", VerificationMethod.Type);
            w.WriteString("controller", m.Controller);
            w.WriteString("publicKeyMultibase", Multikey.Encode(m.PublicKey));
        }
    }

    private void WriteRelationship(Utf8JsonWriter w, string name, VerificationRelationship relationship, Func<string, string> reference)
    {
        List<string> refs = _relationships[relationship];
        if (refs.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (string r in refs)
        {
            w.WriteStringValue(reference(r));
        }

        w.WriteEndArray();
    }

    private string Relative(string absolute) =>
        absolute.StartsWith(Id + "#", StringComparison.Ordinal) ? absolute[Id.Length..] : absolute;
}
