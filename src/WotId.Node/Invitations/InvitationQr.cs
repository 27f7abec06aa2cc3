// QR codes for invitations (docs/node.md, "Invitations", "QR codes"). A signed ML-DSA-65 invitation is about
// 7.3 kB, 11,700 base32 characters: more than one QR code holds (version 40-L: 4,296 alphanumeric). The QR codes
// therefore carry the URI's data split into at most MaxParts parts, each a text in the alphanumeric set:
//   WOTID:1/P/<i>/<n>/<set>/<chunk>
// i = 1..n (decimal, no leading zero), n = 2..MaxParts, set = the first 8 base32 characters of SHA-256 of the
// whole data (ties the parts together; the signature authenticates the result), chunk = a run of the base32
// data. An invitation that fits one code is shown as the plain URI in upper case, "WOTID:1/<data>".
// Parts are equal in length (the last one shorter by at most one character per part) so all codes have the same
// size. Every part is complete offline: no network round trip, so a contact can write while the inviter is away.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using QRCoder;
using WotId.Core.Encoding;
using WotId.Crypto;

namespace WotId.Node.Invitations;

/// <summary>Splits an invitation into QR code texts, joins scanned texts back, and renders a QR code for a terminal.</summary>
public static partial class InvitationQr
{
    /// <summary>Most QR codes one invitation is split into.</summary>
    public const int MaxParts = 16;

    /// <summary>The default largest QR version: 40, the largest there is (177 × 177 modules).</summary>
    public const int DefaultMaxVersion = 40;

    internal const string PartPrefix = "WOTID:1/P/";

    private const int SetLength = 8;

    /// <summary>The texts to show as QR codes for <paramref name="uri"/>, each fitting a code of at most <paramref name="maxVersion"/>.</summary>
    /// <exception cref="InvitationException">The URI is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Even <see cref="MaxParts"/> codes of that version cannot hold it.</exception>
    public static IReadOnlyList<string> Split(string uri, int maxVersion = DefaultMaxVersion)
    {
        string data = InvitationUri.DataPart(uri).ToString();
        int capacity = QrCapacity.Alphanumeric(maxVersion);
        string single = "WOTID:1/" + data;
        if (single.Length <= capacity)
        {
            return [single];
        }

        string set = SetOf(data);
        for (int n = 2; n <= MaxParts; n++)
        {
            int chunk = (data.Length + n - 1) / n;
            int header = PartPrefix.Length + (2 * Digits(n)) + 1 + SetLength + 1;
            if (header + chunk > capacity)
            {
                continue;
            }

            var parts = new string[n];
            for (int i = 0; i < n; i++)
            {
                int start = i * chunk;
                string piece = data.Substring(start, Math.Min(chunk, data.Length - start));
                parts[i] = string.Create(CultureInfo.InvariantCulture, $"{PartPrefix}{i + 1}/{n}/{set}/{piece}");
            }

            return parts;
        }

        throw new ArgumentOutOfRangeException(nameof(maxVersion), $"the invitation needs more than {MaxParts} QR codes of version {maxVersion}");
    }

    /// <summary>Renders one QR code (error correction L, quiet zone included) with Unicode half blocks.</summary>
    /// <param name="text">A text from <see cref="Split"/> (any text up to a version-40 code works).</param>
    /// <param name="darkModulesDrawn">False (default) for dark-background terminals: the light modules are drawn.</param>
    /// <exception cref="ArgumentException">The text does not fit a single QR code.</exception>
    public static string Render(string text, bool darkModulesDrawn = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using QRCodeData data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.L);
            return QrTerminalRenderer.Render(data.ModuleMatrix, darkModulesDrawn);
        }
        catch (QRCoder.Exceptions.DataTooLongException e)
        {
            throw new ArgumentException("the text does not fit one QR code", nameof(text), e);
        }
    }

    internal static string SetOf(string data)
    {
        byte[] hash = Sha256.Hash(Encoding.ASCII.GetBytes(data));
        return Base32.Encode(hash.AsSpan(0, 5)).ToUpperInvariant();
    }

    private static int Digits(int n) => n < 10 ? 1 : 2;
}
