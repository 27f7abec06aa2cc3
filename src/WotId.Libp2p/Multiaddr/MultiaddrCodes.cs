// multiformats/multicodec table.csv, the "multiaddr" tag: protocol codes used by libp2p addresses.
namespace WotId.Libp2p.Multiaddr;

/// <summary>Multiaddr protocol codes.</summary>
public static class MultiaddrCodes
{
    /// <summary>/ip4 (4 bytes).</summary>
    public const int Ip4 = 4;

    /// <summary>/tcp (2-byte big-endian port).</summary>
    public const int Tcp = 6;

    /// <summary>/ip6 (16 bytes).</summary>
    public const int Ip6 = 41;

    /// <summary>/ip6zone (length-prefixed).</summary>
    public const int Ip6Zone = 42;

    /// <summary>/dns (length-prefixed name).</summary>
    public const int Dns = 53;

    /// <summary>/dns4.</summary>
    public const int Dns4 = 54;

    /// <summary>/dns6.</summary>
    public const int Dns6 = 55;

    /// <summary>/dnsaddr.</summary>
    public const int DnsAddr = 56;

    /// <summary>/udp (2-byte port).</summary>
    public const int Udp = 273;

    /// <summary>/webrtc-direct.</summary>
    public const int WebRtcDirect = 280;

    /// <summary>/webrtc.</summary>
    public const int WebRtc = 281;

    /// <summary>/p2p-circuit.</summary>
    public const int P2pCircuit = 290;

    /// <summary>/unix (length-prefixed path).</summary>
    public const int Unix = 400;

    /// <summary>/p2p (length-prefixed peer id multihash; legacy name /ipfs).</summary>
    public const int P2p = 421;

    /// <summary>/https.</summary>
    public const int Https = 443;

    /// <summary>/tls.</summary>
    public const int Tls = 448;

    /// <summary>/sni (length-prefixed name).</summary>
    public const int Sni = 449;

    /// <summary>/noise.</summary>
    public const int Noise = 454;

    /// <summary>/quic.</summary>
    public const int Quic = 460;

    /// <summary>/quic-v1.</summary>
    public const int QuicV1 = 461;

    /// <summary>/webtransport.</summary>
    public const int WebTransport = 465;

    /// <summary>/certhash (length-prefixed multihash, multibase in text).</summary>
    public const int CertHash = 466;

    /// <summary>/ws.</summary>
    public const int Ws = 477;

    /// <summary>/wss.</summary>
    public const int Wss = 478;

    /// <summary>/http.</summary>
    public const int Http = 480;

    /// <summary>/memory (length-prefixed).</summary>
    public const int Memory = 777;
}
