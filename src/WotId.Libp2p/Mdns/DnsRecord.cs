// A DNS question or resource record (RFC 1035 §4.1.2, §4.1.3) with the rdata mDNS discovery reads decoded:
// PTR (§3.3.12) a domain name, TXT (§3.3.14) a list of character strings. Other types keep their raw rdata.
using System.Collections.Generic;

namespace WotId.Libp2p.Mdns;

/// <summary>One record (a question when <see cref="IsQuestion"/>).</summary>
internal sealed class DnsRecord
{
    public const ushort TypePtr = 12;
    public const ushort TypeTxt = 16;
    public const ushort TypeAny = 255;
    public const ushort ClassIn = 1;

    public DnsRecord(string name, ushort type, ushort @class = ClassIn, uint ttl = 0)
    {
        Name = name;
        Type = type;
        Class = @class;
        Ttl = ttl;
    }

    public string Name { get; }

    public ushort Type { get; }

    /// <summary>The class; mDNS uses the top bit as cache-flush (answers) or unicast-response (questions).</summary>
    public ushort Class { get; }

    public uint Ttl { get; }

    public bool IsQuestion { get; init; }

    /// <summary>PTR: the target name.</summary>
    public string? Target { get; init; }

    /// <summary>TXT: the character strings.</summary>
    public List<byte[]> Texts { get; init; } = new();

    /// <summary>Any other type: the raw rdata.</summary>
    public byte[] Data { get; init; } = [];
}
