// Bitstring Status List v1.0 (W3C Rec 2025-05-15) §2.1 BitstringStatusListEntry, and its predecessor
// Status List 2021 (W3C WD 2023-04-27) §2.1 StatusList2021Entry (same fields), which IOTA Identity reads and writes, and
// IOTA Identity's RevocationBitmap2022 status (identity.rs identity_credential credential/revocation_bitmap_status.rs):
//   {"id": "<issuer DID>?index=<n>#<service fragment>", "type": "RevocationBitmap2022", "revocationBitmapIndex": "<n>"}
// pointing at a RevocationBitmap2022 service of the issuer's DID document. The index is parsed strictly: decimal digits,
// no sign, no leading zero, at most 2^31 − 1 (IOTA Identity allows any u32; larger indices are refused as malformed), and
// the id's query, when present, must be exactly index=<the same n> (DID Core 1.0 §3.2: query before fragment).
using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace WotId.Identity.Credentials;

/// <summary>A <c>credentialStatus</c> entry pointing into a status list credential.</summary>
public sealed class StatusListEntry
{
    /// <summary>Creates an entry.</summary>
    public StatusListEntry(string statusListCredential, int index, string statusPurpose = "revocation")
        : this(statusListCredential, index, statusPurpose, BitstringType)
    {
    }

    private StatusListEntry(string statusListCredential, int index, string statusPurpose, string entryType)
    {
        ArgumentException.ThrowIfNullOrEmpty(statusListCredential);
        ArgumentException.ThrowIfNullOrEmpty(statusPurpose);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        StatusListCredential = statusListCredential;
        Index = index;
        StatusPurpose = statusPurpose;
        EntryType = entryType;
    }

    /// <summary>The Bitstring Status List v1.0 entry type.</summary>
    public const string BitstringType = "BitstringStatusListEntry";

    /// <summary>The Status List 2021 entry type.</summary>
    public const string StatusList2021Type = "StatusList2021Entry";

    /// <summary><see cref="BitstringType"/> or <see cref="StatusList2021Type"/>.</summary>
    public string EntryType { get; }

    /// <summary>IOTA Identity's RevocationBitmap2022 status type.</summary>
    public const string RevocationBitmap2022Type = "RevocationBitmap2022";

    /// <summary>True for a Status List 2021 entry (its list is a StatusList2021Credential).</summary>
    public bool IsStatusList2021 => EntryType == StatusList2021Type;

    /// <summary>True for a RevocationBitmap2022 status (<see cref="StatusListCredential"/> is the service's DID URL).</summary>
    public bool IsRevocationBitmap2022 => EntryType == RevocationBitmap2022Type;

    /// <summary>
    /// A RevocationBitmap2022 status: <paramref name="serviceId"/> is the bitmap service's id (<c>did…#fragment</c>) in the
    /// issuer's DID document, <paramref name="index"/> the credential's bit.
    /// </summary>
    /// <exception cref="IdentityFormatException"><paramref name="serviceId"/> is not a DID URL with a fragment.</exception>
    public static StatusListEntry ForRevocationBitmap2022(string serviceId, int index)
    {
        (_, string? fragment) = Dids.DidSyntax.SplitUrl(serviceId);
        if (fragment is null)
        {
            throw new IdentityFormatException(IdentityError.MalformedDid, "the revocation bitmap service id needs a fragment");
        }

        return new StatusListEntry(serviceId, index, "revocation", RevocationBitmap2022Type);
    }

    /// <summary>A Status List 2021 §2.1 <c>StatusList2021Entry</c>.</summary>
    public static StatusListEntry ForStatusList2021(string statusListCredential, int index, string statusPurpose = "revocation")
        => new(statusListCredential, index, statusPurpose, StatusList2021Type);

    /// <summary>The URL of the status list credential; for RevocationBitmap2022 the service's DID URL (<c>did…#fragment</c>).</summary>
    public string StatusListCredential { get; }

    /// <summary>The bit index (<c>statusListIndex</c>).</summary>
    public int Index { get; }

    /// <summary><c>revocation</c> or <c>suspension</c>.</summary>
    public string StatusPurpose { get; }

    internal void Write(Utf8JsonWriter w)
    {
        string index = Index.ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject("credentialStatus");
        if (IsRevocationBitmap2022)
        {
            int hash = StatusListCredential.IndexOf('#', StringComparison.Ordinal);
            w.WriteString("id", StatusListCredential[..hash] + "?index=" + index + StatusListCredential[hash..]);
            w.WriteString("type", EntryType);
            w.WriteString("revocationBitmapIndex", index);
            w.WriteEndObject();
            return;
        }

        w.WriteString("id", StatusListCredential + "#" + index);
        w.WriteString("type", EntryType);
        w.WriteString("statusPurpose", StatusPurpose);
        w.WriteString("statusListIndex", index);
        w.WriteString("statusListCredential", StatusListCredential);
        w.WriteEndObject();
    }

    internal static StatusListEntry? Read(JsonElement credential)
    {
        if (!credential.TryGetProperty("credentialStatus", out JsonElement s))
        {
            return null;
        }

        string? type = s.ValueKind == JsonValueKind.Object ? IdentityJson.OptionalString(s, "type") : null;
        if (type == RevocationBitmap2022Type)
        {
            return ReadRevocationBitmap(s);
        }

        if (type is not (BitstringType or StatusList2021Type))
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "credentialStatus must be one BitstringStatusListEntry, StatusList2021Entry or RevocationBitmap2022");
        }

        string indexText = IdentityJson.RequireString(s, "statusListIndex");
        if (indexText.Length is 0 or > 9 || !int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "statusListIndex must be a decimal integer string");
        }

        string url = IdentityJson.RequireString(s, "statusListCredential");
        string purpose = IdentityJson.RequireString(s, "statusPurpose");
        if (url.Length == 0 || purpose.Length == 0)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "empty status list reference");
        }

        return new StatusListEntry(url, index, purpose, type);
    }

    private static StatusListEntry ReadRevocationBitmap(JsonElement s)
    {
        string indexText = IdentityJson.RequireString(s, "revocationBitmapIndex");
        int index = StrictIndex(indexText);
        string id = IdentityJson.RequireString(s, "id");
        int hash = id.IndexOf('#', StringComparison.Ordinal);
        int query = id.IndexOf('?', StringComparison.Ordinal);
        if (hash < 0 || (query >= 0 && query > hash))
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "RevocationBitmap2022 id must be did[?index=n]#fragment");
        }

        if (query >= 0 && id[(query + 1)..hash] != "index=" + indexText)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "RevocationBitmap2022 id query must be index=revocationBitmapIndex");
        }

        string serviceId = id[..(query >= 0 ? query : hash)] + id[hash..];
        try
        {
            return ForRevocationBitmap2022(serviceId, index);
        }
        catch (IdentityFormatException ex)
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "RevocationBitmap2022 id is not a DID URL", ex);
        }
    }

    private static int StrictIndex(string text)
    {
        bool digits = text.Length is > 0 and <= 10 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0');
        if (!digits || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "revocationBitmapIndex must be a decimal string from 0 to 2147483647 without leading zeros");
        }

        return index;
    }
}
