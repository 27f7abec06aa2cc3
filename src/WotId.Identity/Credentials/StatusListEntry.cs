// Bitstring Status List v1.0 (W3C Rec 2025-05-15) §2.1 BitstringStatusListEntry, and its predecessor
// Status List 2021 (W3C WD 2023-04-27) §2.1 StatusList2021Entry (same fields), which IOTA Identity reads and writes.
using System;
using System.Globalization;
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

    /// <summary>True for a Status List 2021 entry (its list is a StatusList2021Credential).</summary>
    public bool IsStatusList2021 => EntryType == StatusList2021Type;

    /// <summary>A Status List 2021 §2.1 <c>StatusList2021Entry</c>.</summary>
    public static StatusListEntry ForStatusList2021(string statusListCredential, int index, string statusPurpose = "revocation")
        => new(statusListCredential, index, statusPurpose, StatusList2021Type);

    /// <summary>The URL of the status list credential.</summary>
    public string StatusListCredential { get; }

    /// <summary>The bit index (<c>statusListIndex</c>).</summary>
    public int Index { get; }

    /// <summary><c>revocation</c> or <c>suspension</c>.</summary>
    public string StatusPurpose { get; }

    internal void Write(Utf8JsonWriter w)
    {
        string index = Index.ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject("credentialStatus");
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
        if (type is not (BitstringType or StatusList2021Type))
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "credentialStatus must be one BitstringStatusListEntry or StatusList2021Entry");
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
}
