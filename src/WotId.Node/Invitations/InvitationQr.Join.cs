// Reassembles scanned QR texts (format at the top of InvitationQr.cs). Scanners may deliver parts in any order
// and more than once; identical repeats are ignored, anything else inconsistent is InvalidQrParts.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace WotId.Node.Invitations;

/// <summary>Joining half of the QR part format.</summary>
public static partial class InvitationQr
{
    /// <summary>Most scanned texts accepted by <see cref="Join"/> (repeats included).</summary>
    public const int MaxScannedTexts = 4 * MaxParts;

    /// <summary>The <c>wotid:1/</c> URI the scanned texts make up (one plain URI, or all parts of one split).</summary>
    /// <exception cref="InvitationException">Malformed, missing, conflicting or foreign parts.</exception>
    public static string Join(IReadOnlyList<string> scanned)
    {
        ArgumentNullException.ThrowIfNull(scanned);
        if (scanned.Count == 0 || scanned.Count > MaxScannedTexts)
        {
            throw Invalid($"between 1 and {MaxScannedTexts} scanned texts are joined");
        }

        if (scanned.Count == 1 && !IsPart(scanned[0]))
        {
            return InvitationUri.Prefix + InvitationUri.DataPart(scanned[0]).ToString();
        }

        string? set = null;
        int n = 0;
        var chunks = new string?[MaxParts];
        foreach (string text in scanned)
        {
            (int i, int count, string partSet, string chunk) = ParsePart(text);
            if (set is null)
            {
                (set, n) = (partSet, count);
            }
            else if (partSet != set || count != n)
            {
                throw Invalid("parts of different invitations");
            }

            if (chunks[i - 1] is { } seen && seen != chunk)
            {
                throw Invalid("two different parts with the same number");
            }

            chunks[i - 1] = chunk;
        }

        var data = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            data.Append(chunks[i] ?? throw Invalid($"part {i + 1} of {n} is missing"));
        }

        string joined = data.ToString();
        return SetOf(joined) == set
            ? InvitationUri.Prefix + InvitationUri.DataPart(InvitationUri.Prefix + joined).ToString()
            : throw Invalid("the parts do not make up the invitation they name");
    }

    private static bool IsPart(string text) => text.AsSpan().Trim().StartsWith(PartPrefix, StringComparison.OrdinalIgnoreCase);

    private static (int Index, int Count, string Set, string Chunk) ParsePart(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> t = text.AsSpan().Trim();
        if (t.Length > QrCapacity.Alphanumeric(QrCapacity.MaxVersion) || !t.StartsWith(PartPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid("not an invitation QR part");
        }

        string[] fields = t[PartPrefix.Length..].ToString().Split('/');
        if (fields.Length != 4)
        {
            throw Invalid("a part is WOTID:1/P/<i>/<n>/<set>/<chunk>");
        }

        int i = ParseSmall(fields[0]), n = ParseSmall(fields[1]);
        if (n < 2 || i > n || fields[2].Length != SetLength || !IsBase32(fields[2]) || fields[3].Length == 0 || !IsBase32(fields[3]))
        {
            throw Invalid("malformed part numbers, set or chunk");
        }

        return (i, n, fields[2], fields[3]);
    }

    private static int ParseSmall(string digits)
    {
        bool ok = digits.Length is 1 or 2 && digits[0] != '0'
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value <= MaxParts;
        return ok ? int.Parse(digits, CultureInfo.InvariantCulture) : throw Invalid("part numbers are 1.." + MaxParts);
    }

    private static bool IsBase32(string text)
    {
        foreach (char c in text)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '2' and <= '7')))
            {
                return false;
            }
        }

        return true;
    }

    private static InvitationException Invalid(string message) => new(InvitationError.InvalidQrParts, message);
}
