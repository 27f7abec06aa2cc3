// multiformats/multiaddr protocols.csv (as encoded by @multiformats/multiaddr 13): name, code and value size.
using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace WotId.Libp2p.Multiaddr;

/// <summary>How a protocol's value is encoded.</summary>
internal enum MultiaddrValueKind
{
    None,
    Ip4,
    Ip6,
    Port,
    Text,
    Path,
    PeerId,
    Multibase,
}

/// <summary>One known multiaddr protocol.</summary>
internal sealed record MultiaddrProtocol(int Code, string Name, MultiaddrValueKind Kind)
{
    private static readonly MultiaddrProtocol[] s_all =
    [
        new(MultiaddrCodes.Ip4, "ip4", MultiaddrValueKind.Ip4),
        new(MultiaddrCodes.Tcp, "tcp", MultiaddrValueKind.Port),
        new(MultiaddrCodes.Ip6, "ip6", MultiaddrValueKind.Ip6),
        new(MultiaddrCodes.Ip6Zone, "ip6zone", MultiaddrValueKind.Text),
        new(MultiaddrCodes.Dns, "dns", MultiaddrValueKind.Text),
        new(MultiaddrCodes.Dns4, "dns4", MultiaddrValueKind.Text),
        new(MultiaddrCodes.Dns6, "dns6", MultiaddrValueKind.Text),
        new(MultiaddrCodes.DnsAddr, "dnsaddr", MultiaddrValueKind.Text),
        new(MultiaddrCodes.Udp, "udp", MultiaddrValueKind.Port),
        new(MultiaddrCodes.WebRtcDirect, "webrtc-direct", MultiaddrValueKind.None),
        new(MultiaddrCodes.WebRtc, "webrtc", MultiaddrValueKind.None),
        new(MultiaddrCodes.P2pCircuit, "p2p-circuit", MultiaddrValueKind.None),
        new(MultiaddrCodes.Unix, "unix", MultiaddrValueKind.Path),
        new(MultiaddrCodes.P2p, "p2p", MultiaddrValueKind.PeerId),
        new(MultiaddrCodes.Https, "https", MultiaddrValueKind.None),
        new(MultiaddrCodes.Tls, "tls", MultiaddrValueKind.None),
        new(MultiaddrCodes.Sni, "sni", MultiaddrValueKind.Text),
        new(MultiaddrCodes.Noise, "noise", MultiaddrValueKind.None),
        new(MultiaddrCodes.Quic, "quic", MultiaddrValueKind.None),
        new(MultiaddrCodes.QuicV1, "quic-v1", MultiaddrValueKind.None),
        new(MultiaddrCodes.WebTransport, "webtransport", MultiaddrValueKind.None),
        new(MultiaddrCodes.CertHash, "certhash", MultiaddrValueKind.Multibase),
        new(MultiaddrCodes.Ws, "ws", MultiaddrValueKind.None),
        new(MultiaddrCodes.Wss, "wss", MultiaddrValueKind.None),
        new(MultiaddrCodes.Http, "http", MultiaddrValueKind.None),
        new(MultiaddrCodes.Memory, "memory", MultiaddrValueKind.Text),
    ];

    private static readonly FrozenDictionary<int, MultiaddrProtocol> s_byCode = Build(p => p.Code);
    private static readonly FrozenDictionary<string, MultiaddrProtocol> s_byName = BuildNames();

    public bool HasValue => Kind != MultiaddrValueKind.None;

    /// <summary>Fixed value size in bytes, or -1 for length-prefixed values, 0 for none.</summary>
    public int FixedSize => Kind switch
    {
        MultiaddrValueKind.None => 0,
        MultiaddrValueKind.Ip4 => 4,
        MultiaddrValueKind.Ip6 => 16,
        MultiaddrValueKind.Port => 2,
        _ => -1,
    };

    public static MultiaddrProtocol? FromCode(ulong code) =>
        code <= int.MaxValue && s_byCode.TryGetValue((int)code, out MultiaddrProtocol? p) ? p : null;

    public static MultiaddrProtocol? FromName(string name) =>
        s_byName.TryGetValue(name, out MultiaddrProtocol? p) ? p : null;

    private static FrozenDictionary<int, MultiaddrProtocol> Build(Func<MultiaddrProtocol, int> key)
    {
        var d = new Dictionary<int, MultiaddrProtocol>();
        foreach (MultiaddrProtocol p in s_all)
        {
            d.Add(key(p), p);
        }

        return d.ToFrozenDictionary();
    }

    private static FrozenDictionary<string, MultiaddrProtocol> BuildNames()
    {
        var d = new Dictionary<string, MultiaddrProtocol>(StringComparer.Ordinal);
        foreach (MultiaddrProtocol p in s_all)
        {
            d.Add(p.Name, p);
        }

        d.Add("ipfs", s_byCode[MultiaddrCodes.P2p]);
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
