// Bech32 (BIP-173, not bech32m) as used by IOTA private-key strings "iotaprivkey1..." (SDK cryptography/keypair.ts,
// via @scure/base bech32 with no length limit). Checksum constant 1.
using System;
using System.Collections.Generic;
using System.Text;

namespace WotId.Mailbox.Signing;

/// <summary>BIP-173 Bech32 encoding of 8-bit data.</summary>
internal static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static readonly uint[] s_generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

    public static string Encode(string hrp, ReadOnlySpan<byte> data)
    {
        List<byte> values = ConvertBits(data, 8, 5, true);
        byte[] checksum = Checksum(hrp, values);
        var sb = new StringBuilder(hrp.Length + 1 + values.Count + 6);
        sb.Append(hrp).Append('1');
        foreach (byte v in values)
        {
            sb.Append(Charset[v]);
        }

        foreach (byte v in checksum)
        {
            sb.Append(Charset[v]);
        }

        return sb.ToString();
    }

    /// <summary>Decodes; throws <see cref="FormatException"/> on bad characters, case mix or checksum.</summary>
    public static (string Hrp, byte[] Data) Decode(string text)
    {
        if (text.Length > 1024 || (!string.Equals(text.ToLowerInvariant(), text, StringComparison.Ordinal) && !string.Equals(text.ToUpperInvariant(), text, StringComparison.Ordinal)))
        {
            throw new FormatException("bech32: too long or mixed case");
        }

        text = text.ToLowerInvariant();
        int sep = text.LastIndexOf('1');
        if (sep < 1 || sep + 7 > text.Length)
        {
            throw new FormatException("bech32: missing separator or checksum");
        }

        string hrp = text[..sep];
        var values = new List<byte>();
        foreach (char c in text[(sep + 1)..])
        {
            int v = Charset.IndexOf(c, StringComparison.Ordinal);
            if (v < 0)
            {
                throw new FormatException("bech32: invalid character");
            }

            values.Add((byte)v);
        }

        if (Polymod(Expand(hrp, values)) != 1)
        {
            throw new FormatException("bech32: checksum mismatch");
        }

        values.RemoveRange(values.Count - 6, 6);
        List<byte> bytes = ConvertBits(values.ToArray(), 5, 8, false);
        return (hrp, bytes.ToArray());
    }

    private static byte[] Checksum(string hrp, List<byte> values)
    {
        List<byte> e = Expand(hrp, values);
        e.AddRange(new byte[6]);
        uint mod = Polymod(e) ^ 1;
        var r = new byte[6];
        for (int i = 0; i < 6; i++)
        {
            r[i] = (byte)((mod >> (5 * (5 - i))) & 31);
        }

        return r;
    }

    private static List<byte> Expand(string hrp, List<byte> values)
    {
        var e = new List<byte>(hrp.Length * 2 + 1 + values.Count);
        foreach (char c in hrp)
        {
            e.Add((byte)(c >> 5));
        }

        e.Add(0);
        foreach (char c in hrp)
        {
            e.Add((byte)(c & 31));
        }

        e.AddRange(values);
        return e;
    }

    private static uint Polymod(List<byte> values)
    {
        uint chk = 1;
        foreach (byte v in values)
        {
            uint top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++)
            {
                if (((top >> i) & 1) != 0)
                {
                    chk ^= s_generator[i];
                }
            }
        }

        return chk;
    }

    private static List<byte> ConvertBits(ReadOnlySpan<byte> data, int from, int to, bool pad)
    {
        int acc = 0;
        int bits = 0;
        int max = (1 << to) - 1;
        var result = new List<byte>(data.Length * from / to + 1);
        foreach (byte b in data)
        {
            acc = (acc << from) | b;
            bits += from;
            while (bits >= to)
            {
                bits -= to;
                result.Add((byte)((acc >> bits) & max));
            }
        }

        if (pad)
        {
            if (bits > 0)
            {
                result.Add((byte)((acc << (to - bits)) & max));
            }
        }
        else if (bits >= from || ((acc << (to - bits)) & max) != 0)
        {
            throw new FormatException("bech32: invalid padding");
        }

        return result;
    }
}
