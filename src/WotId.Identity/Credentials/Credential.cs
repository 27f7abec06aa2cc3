// W3C VC Data Model 2.0 §4 checks applied to any incoming credential: @context[0] is the v2 URL, type
// contains VerifiableCredential, issuer is a URL or {id}, validFrom/validUntil are dateTimeStamps,
// credentialSubject is one object, credentialStatus (if present) is one status entry (StatusListEntry.cs).
// Bound: 256 KiB of JSON.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace WotId.Identity.Credentials;

/// <summary>A parsed credential (the payload of a vc+jwt).</summary>
public sealed partial class Credential
{
    /// <summary>Largest accepted credential JSON.</summary>
    public const int MaxJsonBytes = 256 * 1024;

    private Credential(JsonElement root)
    {
        List<string> contexts = IdentityJson.StringOrArray(root, "@context", required: true);
        if (contexts.Count == 0 || contexts[0] != CredentialTerms.V2Context)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "@context must start with the VC 2.0 context");
        }

        Contexts = contexts;
        Types = IdentityJson.StringOrArray(root, "type", required: true);
        if (!Types.Contains(CredentialTerms.VerifiableCredential))
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "type must include VerifiableCredential");
        }

        Id = IdentityJson.OptionalString(root, "id");
        if (!root.TryGetProperty("issuer", out JsonElement issuer))
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "issuer missing");
        }

        Issuer = issuer.ValueKind switch
        {
            JsonValueKind.String => issuer.GetString()!,
            JsonValueKind.Object => IdentityJson.RequireString(issuer, "id"),
            _ => throw new IdentityFormatException(IdentityError.MalformedCredential, "issuer must be a URL or an object with id"),
        };
        string? from = IdentityJson.OptionalString(root, "validFrom");
        string? until = IdentityJson.OptionalString(root, "validUntil");
        ValidFrom = from is null ? null : IdentityJson.ParseDate(from);
        ValidUntil = until is null ? null : IdentityJson.ParseDate(until);
        if (!root.TryGetProperty("credentialSubject", out JsonElement subject) || subject.ValueKind != JsonValueKind.Object)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "credentialSubject must be one object");
        }

        Subject = subject.Clone();
        SubjectId = IdentityJson.OptionalString(subject, "id");
        string? verifiedAt = IdentityJson.OptionalString(subject, "verifiedAt");
        VerifiedAt = verifiedAt is null ? null : IdentityJson.ParseDate(verifiedAt);
        Status = StatusListEntry.Read(root);
        Format = CredentialFormat.VcJose;
    }

    /// <summary>The securing form it arrived in (VC 2.0 <c>vc+jwt</c> or VC-JWT 1.1).</summary>
    public CredentialFormat Format { get; }

    /// <summary>The contexts, v2 first.</summary>
    public IReadOnlyList<string> Contexts { get; }

    /// <summary>The types.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>The credential id, if any.</summary>
    public string? Id { get; }

    /// <summary>The issuer id.</summary>
    public string Issuer { get; }

    /// <summary><c>validFrom</c>, if any.</summary>
    public DateTimeOffset? ValidFrom { get; }

    /// <summary><c>validUntil</c>, if any.</summary>
    public DateTimeOffset? ValidUntil { get; }

    /// <summary><c>credentialSubject.id</c>, if any.</summary>
    public string? SubjectId { get; }

    /// <summary><c>credentialSubject.verifiedAt</c> (VerifiedHumanCredential), if any.</summary>
    public DateTimeOffset? VerifiedAt { get; }

    /// <summary>The whole <c>credentialSubject</c> object (detached copy).</summary>
    public JsonElement Subject { get; }

    /// <summary>The status entry, if any.</summary>
    public StatusListEntry? Status { get; }

    /// <summary>Parses credential JSON.</summary>
    /// <exception cref="IdentityFormatException">Malformed JSON or a data-model violation.</exception>
    public static Credential Parse(ReadOnlyMemory<byte> utf8Json)
    {
        using JsonDocument doc = IdentityJson.ParseObject(utf8Json, MaxJsonBytes);
        return new Credential(doc.RootElement);
    }
}
