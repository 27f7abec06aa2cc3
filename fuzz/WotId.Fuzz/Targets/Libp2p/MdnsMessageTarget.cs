// Fuzz target: DNS messages as mDNS discovery reads them (RFC 1035 §4.1, libp2p/specs discovery/mdns.md).
using System;
using WotId.Libp2p.Mdns;
using WotId.Libp2p.Peer;

namespace WotId.Fuzz.Targets.Libp2p;

/// <summary>Decodes the input as a DNS message and reads libp2p peers from it; only <see cref="FormatException"/> from the decoder may escape.</summary>
public sealed class MdnsMessageTarget : IFuzzTarget
{
    private static readonly PeerId s_self = PeerId.Parse("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA");

    /// <inheritdoc />
    public string Name => "libp2p-mdns";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            DnsMessage m = DnsMessage.Decode(input);
            _ = MdnsProtocol.AsksFor(m, MdnsOptions.DefaultServiceName);
            _ = MdnsProtocol.Discovered(m, MdnsOptions.DefaultServiceName, s_self);
        }
        catch (DnsFormatException)
        {
            // Documented rejection.
        }
    }
}
