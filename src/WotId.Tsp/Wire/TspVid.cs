// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §2 "Verifiable Identifiers"): VIDs travel as UTF-8 in 4B## fields.
using System;
using System.Text;

namespace WotId.Tsp.Wire;

/// <summary>Checks VID strings on the way in and out.</summary>
internal static class TspVid
{
    /// <summary>Longest VID accepted, in UTF-8 bytes (an ML-DSA-87 did:key is about 3.5 KB).</summary>
    public const int MaxBytes = 8192;

    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The UTF-8 bytes of a VID to be written; throws <see cref="ArgumentException"/> for a bad one.</summary>
    public static byte[] Encode(string vid, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(vid, paramName);
        byte[] bytes;
        try
        {
            bytes = s_strict.GetBytes(vid);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("VID is not valid Unicode", paramName, e);
        }

        if (bytes.Length > MaxBytes || HasControl(vid))
        {
            throw new ArgumentException($"VID must be at most {MaxBytes} UTF-8 bytes without control characters", paramName);
        }

        return bytes;
    }

    /// <summary>The VID string of a field read from the wire; throws <see cref="TspException"/> for a bad one.</summary>
    public static string Decode(ReadOnlySpan<byte> raw, string what)
    {
        if (raw.IsEmpty || raw.Length > MaxBytes)
        {
            throw new TspException(TspError.InvalidVid, $"{what} VID has {raw.Length} bytes (1..{MaxBytes} allowed)");
        }

        string vid;
        try
        {
            vid = s_strict.GetString(raw);
        }
        catch (DecoderFallbackException e)
        {
            throw new TspException(TspError.InvalidVid, $"{what} VID is not valid UTF-8", e);
        }

        if (HasControl(vid))
        {
            throw new TspException(TspError.InvalidVid, $"{what} VID holds control characters");
        }

        return vid;
    }

    private static bool HasControl(string s)
    {
        foreach (char c in s)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
