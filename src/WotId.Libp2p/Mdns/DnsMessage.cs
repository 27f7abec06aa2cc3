// DNS messages as mDNS uses them (RFC 1035 §4.1; RFC 6762 §18): header, questions, answers, authority and
// additional records. Decoding follows name-compression pointers (§4.1.4) only backwards, with a bounded number
// of jumps; encoding writes names uncompressed (allowed everywhere).
//
// | limit                  | value                                                        |
// |------------------------|--------------------------------------------------------------|
// | message                | 9,000 bytes (RFC 6762 §17: an mDNS message fits one packet)  |
// | records per section    | 64                                                           |
// | name                   | 255 bytes in wire form, labels of at most 63, 32 pointers    |
// | TXT strings per record | 64                                                           |
using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace WotId.Libp2p.Mdns;

/// <summary>A DNS message.</summary>
internal sealed class DnsMessage
{
    public const int MaxMessageSize = 9000;
    public const int MaxRecordsPerSection = 64;
    private const int MaxNameLength = 255;
    private const int MaxPointers = 32;

    public ushort Id { get; init; }

    /// <summary>Header flags; 0x8400 = response + authoritative (RFC 6762 §18.2–18.4).</summary>
    public ushort Flags { get; init; }

    public bool IsResponse => (Flags & 0x8000) != 0;

    public List<DnsRecord> Questions { get; } = new();

    public List<DnsRecord> Answers { get; } = new();

    public List<DnsRecord> Authorities { get; } = new();

    public List<DnsRecord> Additionals { get; } = new();

    public byte[] Encode()
    {
        var w = new List<byte>(512);
        Put16(w, Id);
        Put16(w, Flags);
        Put16(w, (ushort)Questions.Count);
        Put16(w, (ushort)Answers.Count);
        Put16(w, (ushort)Authorities.Count);
        Put16(w, (ushort)Additionals.Count);
        foreach (DnsRecord q in Questions)
        {
            PutName(w, q.Name);
            Put16(w, q.Type);
            Put16(w, q.Class);
        }

        foreach (List<DnsRecord> section in new[] { Answers, Authorities, Additionals })
        {
            foreach (DnsRecord r in section)
            {
                PutName(w, r.Name);
                Put16(w, r.Type);
                Put16(w, r.Class);
                Put16(w, (ushort)(r.Ttl >> 16));
                Put16(w, (ushort)r.Ttl);
                var data = new List<byte>();
                if (r.Type == DnsRecord.TypePtr && r.Target is not null)
                {
                    PutName(data, r.Target);
                }
                else if (r.Type == DnsRecord.TypeTxt)
                {
                    foreach (byte[] t in r.Texts)
                    {
                        if (t.Length > 255)
                        {
                            throw new ArgumentException("a TXT string is at most 255 bytes");
                        }

                        data.Add((byte)t.Length);
                        data.AddRange(t);
                    }
                }
                else
                {
                    data.AddRange(r.Data);
                }

                Put16(w, (ushort)data.Count);
                w.AddRange(data);
            }
        }

        return w.ToArray();
    }

    /// <exception cref="DnsFormatException">Truncated, malformed or over a limit.</exception>
    public static DnsMessage Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length > MaxMessageSize)
        {
            throw new DnsFormatException("message longer than " + MaxMessageSize + " bytes");
        }

        if (data.Length < 12)
        {
            throw new DnsFormatException("message shorter than its header");
        }

        var m = new DnsMessage { Id = BinaryPrimitives.ReadUInt16BigEndian(data), Flags = BinaryPrimitives.ReadUInt16BigEndian(data[2..]) };
        int[] counts = new int[4];
        for (int i = 0; i < 4; i++)
        {
            counts[i] = BinaryPrimitives.ReadUInt16BigEndian(data[(4 + (2 * i))..]);
            if (counts[i] > MaxRecordsPerSection)
            {
                throw new DnsFormatException("more than " + MaxRecordsPerSection + " records in a section");
            }
        }

        int pos = 12;
        for (int i = 0; i < counts[0]; i++)
        {
            string name = ReadName(data, ref pos);
            ushort type = Read16(data, ref pos);
            ushort cls = Read16(data, ref pos);
            m.Questions.Add(new DnsRecord(name, type, cls) { IsQuestion = true });
        }

        List<DnsRecord>[] sections = [m.Answers, m.Authorities, m.Additionals];
        for (int s = 0; s < 3; s++)
        {
            for (int i = 0; i < counts[s + 1]; i++)
            {
                sections[s].Add(ReadRecord(data, ref pos));
            }
        }

        return m;
    }

    private static DnsRecord ReadRecord(ReadOnlySpan<byte> data, ref int pos)
    {
        string name = ReadName(data, ref pos);
        ushort type = Read16(data, ref pos);
        ushort cls = Read16(data, ref pos);
        uint ttl = ((uint)Read16(data, ref pos) << 16) | Read16(data, ref pos);
        int length = Read16(data, ref pos);
        if (pos + length > data.Length)
        {
            throw new DnsFormatException("record data runs past the message");
        }

        int end = pos + length;
        switch (type)
        {
            case DnsRecord.TypePtr:
            {
                int p = pos;
                string target = ReadName(data, ref p);
                if (p != end)
                {
                    throw new DnsFormatException("PTR data longer than its name");
                }

                pos = end;
                return new DnsRecord(name, type, cls, ttl) { Target = target };
            }

            case DnsRecord.TypeTxt:
            {
                var texts = new List<byte[]>();
                while (pos < end)
                {
                    int n = data[pos++];
                    if (pos + n > end)
                    {
                        throw new DnsFormatException("TXT string runs past its record");
                    }

                    if (texts.Count == MaxRecordsPerSection)
                    {
                        throw new DnsFormatException("too many TXT strings");
                    }

                    texts.Add(data.Slice(pos, n).ToArray());
                    pos += n;
                }

                return new DnsRecord(name, type, cls, ttl) { Texts = texts };
            }

            default:
            {
                byte[] raw = data.Slice(pos, length).ToArray();
                pos = end;
                return new DnsRecord(name, type, cls, ttl) { Data = raw };
            }
        }
    }

    /// <summary>Reads a name at <paramref name="pos"/> (following backward compression pointers).</summary>
    private static string ReadName(ReadOnlySpan<byte> data, ref int pos)
    {
        var sb = new StringBuilder();
        int p = pos;
        int wireLength = 0;
        int pointers = 0;
        int? resume = null;
        while (true)
        {
            if (p >= data.Length)
            {
                throw new DnsFormatException("name runs past the message");
            }

            byte len = data[p];
            if ((len & 0xC0) == 0xC0)
            {
                if (p + 1 >= data.Length)
                {
                    throw new DnsFormatException("truncated compression pointer");
                }

                int target = ((len & 0x3F) << 8) | data[p + 1];
                if (target >= p || ++pointers > MaxPointers)
                {
                    throw new DnsFormatException("compression pointer does not point backwards");
                }

                resume ??= p + 2;
                p = target;
                continue;
            }

            if ((len & 0xC0) != 0)
            {
                throw new DnsFormatException("reserved label type");
            }

            p++;
            if (len == 0)
            {
                break;
            }

            wireLength += len + 1;
            if (wireLength > MaxNameLength || p + len > data.Length)
            {
                throw new DnsFormatException("name too long or truncated");
            }

            if (sb.Length > 0)
            {
                sb.Append('.');
            }

            sb.Append(Encoding.UTF8.GetString(data.Slice(p, len)));
            p += len;
        }

        pos = resume ?? p;
        return sb.ToString();
    }

    private static ushort Read16(ReadOnlySpan<byte> data, ref int pos)
    {
        if (pos + 2 > data.Length)
        {
            throw new DnsFormatException("message truncated");
        }

        ushort v = BinaryPrimitives.ReadUInt16BigEndian(data[pos..]);
        pos += 2;
        return v;
    }

    private static void Put16(List<byte> w, ushort v)
    {
        w.Add((byte)(v >> 8));
        w.Add((byte)v);
    }

    private static void PutName(List<byte> w, string name)
    {
        foreach (string label in name.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            byte[] bytes = Encoding.UTF8.GetBytes(label);
            if (bytes.Length > 63)
            {
                throw new ArgumentException("a DNS label is at most 63 bytes");
            }

            w.Add((byte)bytes.Length);
            w.AddRange(bytes);
        }

        w.Add(0);
    }
}
