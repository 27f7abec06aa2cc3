// IOTA Identity IotaDocumentMetadata (identity_iota_core document/iota_document_metadata.rs) as packed on
// chain: {"created","updated","deactivated"?, ...custom properties sorted by name}. Timestamps are RFC 3339
// in UTC with whole seconds, as identity_core's Timestamp writes them.
using System;
using System.Collections.Generic;
using System.Globalization;

namespace WotId.Identity.Dids.Iota;

/// <summary>The metadata packed next to a did:iota document.</summary>
public sealed class IotaDocumentMetadata
{
    /// <summary>Creates metadata; timestamps are truncated to whole seconds in UTC.</summary>
    /// <param name="created">When the document was created.</param>
    /// <param name="updated">When it was last updated.</param>
    /// <param name="deactivated">True when deactivated; null omits the member.</param>
    /// <param name="properties">Further members as raw JSON values by name (kept, written sorted by name).</param>
    public IotaDocumentMetadata(
        DateTimeOffset? created,
        DateTimeOffset? updated,
        bool? deactivated = null,
        IReadOnlyDictionary<string, string>? properties = null)
    {
        Created = Truncate(created);
        Updated = Truncate(updated);
        Deactivated = deactivated;
        Properties = properties ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>Creation time (whole seconds, UTC).</summary>
    public DateTimeOffset? Created { get; }

    /// <summary>Last update (whole seconds, UTC).</summary>
    public DateTimeOffset? Updated { get; }

    /// <summary>The deactivated flag, when present.</summary>
    public bool? Deactivated { get; }

    /// <summary>Other members as raw JSON values.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>Metadata with both timestamps set to <paramref name="now"/>, as a new document gets.</summary>
    public static IotaDocumentMetadata New(DateTimeOffset now) => new(now, now);

    /// <summary>The identity_core Timestamp text form: <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses an RFC 3339 timestamp and truncates it to whole seconds in UTC.</summary>
    /// <exception cref="IdentityFormatException">Not an RFC 3339 date-time.</exception>
    public static DateTimeOffset ParseTimestamp(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 20 || text.Length > 40 || text[10] is not ('T' or 't')
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset value))
        {
            throw new IdentityFormatException(IdentityError.MalformedDate, "not an RFC 3339 timestamp");
        }

        return Truncate(value)!.Value;
    }

    private static DateTimeOffset? Truncate(DateTimeOffset? time) =>
        time is { } t ? new DateTimeOffset(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero) : null;
}
