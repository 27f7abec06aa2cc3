// Typed failure of the DNS message decoder (RFC 1035 §4.1 as used by mDNS, RFC 6762).
using System;

namespace WotId.Libp2p.Mdns;

/// <summary>A DNS message that is truncated, malformed or over the limits.</summary>
internal sealed class DnsFormatException : FormatException
{
    public DnsFormatException(string message)
        : base(message)
    {
    }
}
