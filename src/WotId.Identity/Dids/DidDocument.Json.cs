// DID Core 1.0 §6.2 JSON production/consumption for the subset in DidDocument.cs. Input bound: 256 KiB.
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
    public string ToJson(bool indented = false)
    {
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
                w.WriteString("id", Relative(m.Id));
                w.WriteString("type", VerificationMethod.Type);
                w.WriteString("controller", m.Controller);
                w.WriteString("publicKeyMultibase", Multikey.Encode(m.PublicKey));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteRelationship(w, "authentication", VerificationRelationship.Authentication);
            WriteRelationship(w, "assertionMethod", VerificationRelationship.AssertionMethod);
            WriteRelationship(w, "keyAgreement", VerificationRelationship.KeyAgreement);
            if (_services.Count > 0)
            {
                w.WriteStartArray("service");
                foreach (DidService s in _services)
                {
                    w.WriteStartObject();
                    w.WriteString("id", Relative(s.Id));
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
                if (vm.ValueKind != JsonValueKind.Object)
                {
                    throw new IdentityFormatException(IdentityError.MalformedDidDocument, "verification methods must be objects");
                }

                string vmId = IdentityJson.RequireString(vm, "id");
                methods.Add(new VerificationMethod(
                    vmId.StartsWith('#') ? id + vmId : vmId,
                    IdentityJson.RequireString(vm, "controller"),
                    ReadKey(vm)));
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

        return new DidDocument(
            id,
            methods,
            ReadReferences(root, "authentication"),
            ReadReferences(root, "assertionMethod"),
            ReadReferences(root, "keyAgreement"),
            services);
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
            return Jose.AkpJwk.Parse(jwk.GetRawText());
        }

        throw new IdentityFormatException(IdentityError.MalformedDidDocument, "only Multikey and AKP JsonWebKey verification methods are supported");
    }

    private static List<string> ReadReferences(JsonElement root, string name)
    {
        if (root.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement e in v.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.String)
                {
                    throw new IdentityFormatException(IdentityError.MalformedDidDocument, $"{name} must list method references (embedded methods are not supported)");
                }
            }
        }

        return IdentityJson.StringOrArray(root, name, required: false);
    }

    private void WriteRelationship(Utf8JsonWriter w, string name, VerificationRelationship relationship)
    {
        List<string> refs = _relationships[relationship];
        if (refs.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (string r in refs)
        {
            w.WriteStringValue(Relative(r));
        }

        w.WriteEndArray();
    }

    private string Relative(string absolute) =>
        absolute.StartsWith(Id + "#", StringComparison.Ordinal) ? absolute[Id.Length..] : absolute;
}
