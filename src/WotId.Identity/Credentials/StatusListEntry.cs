// Bitstring Status List v1.0 (W3C Rec 2025-05-15) §2.1 BitstringStatusListEntry.
using System;
using System.Globalization;
using System.Text.Json;

namespace WotId.Identity.Credentials;

/// <summary>A <c>credentialStatus</c> entry pointing into a status list credential.</summary>
public sealed class StatusListEntry
{
    /// <summary>Creates an entry.</summary>
    public StatusListEntry(string statusListCredential, int index, string statusPurpose = "revocation")
    {
        ArgumentException.ThrowIfNullOrEmpty(statusListCredential);
        ArgumentException.ThrowIfNullOrEmpty(statusPurpose);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        StatusListCredential = statusListCredential;
        Index = index;
        StatusPurpose = statusPurpose;
    }

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
        w.WriteString("type", "BitstringStatusListEntry");
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

        if (s.ValueKind != JsonValueKind.Object || IdentityJson.OptionalString(s, "type") != "BitstringStatusListEntry")
        {
            throw new IdentityFormatException(IdentityError.MalformedCredential, "credentialStatus must be one BitstringStatusListEntry");
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

        return new StatusListEntry(url, index, purpose);
    }
}
