// Seeds for the libp2p decoders: multiaddrs, multistream-select lines, Noise XX messages and transport frames, the
// Noise handshake payload, peer keys and ids, identify messages with a signed peer record, and Yamux frames.
using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using WotId.Core.Encoding;
using WotId.Crypto;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Multistream;
using WotId.Libp2p.Noise;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Identify;
using WotId.Libp2p.Yamux;

namespace WotId.Fuzz.Seeds;

internal static partial class SeedCorpus
{
    private static readonly string[] s_multiaddrs =
    [
        "/ip4/127.0.0.1/tcp/4001",
        "/ip6/::1/tcp/4001/ws",
        "/dns4/example.com/tcp/443/wss",
        "/ip4/10.0.0.1/tcp/4001/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA",
    ];

    private static IEnumerable<Seed> Libp2p()
    {
        yield return new Seed("libp2p-length-prefixed", "two-frames", [5, (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o', 0]);
        yield return new Seed("libp2p-length-prefixed", "two-byte-length", [0x80, 0x01, .. new byte[128]]);
        for (int i = 0; i < s_multiaddrs.Length; i++)
        {
            yield return Text("libp2p-multiaddr-text", "addr" + i, s_multiaddrs[i]);
            yield return new Seed("libp2p-multiaddr-bytes", "addr" + i, Multiaddress.Parse(s_multiaddrs[i]).ToBytes());
        }

        var lines = new ArrayBufferWriter<byte>();
        foreach (string line in new[] { "/multistream/1.0.0", "/noise", "na", "/yamux/1.0.0", "ls" })
        {
            MultistreamCodec.Write(lines, line);
        }

        yield return new Seed("libp2p-multistream", "negotiation", lines.WrittenSpan.ToArray());

        foreach (Seed seed in Noise())
        {
            yield return seed;
        }

        using PeerIdentity identity = PeerIdentity.FromSeed(new byte[32]);
        byte[] key = identity.PublicKey.Encode();
        yield return new Seed("libp2p-peer-key", "ed25519-key", key);
        yield return new Seed("libp2p-peer-key", "identity-peer-id", Multihash.Encode(PeerId.IdentityCode, key));
        yield return new Seed("libp2p-peer-key", "sha256-peer-id", Multihash.Encode(PeerId.Sha256Code, Sha256.Hash(key)));

        var identify = new IdentifyMessage
        {
            ProtocolVersion = "ipfs/0.1.0",
            AgentVersion = "wotid/fuzz",
            PublicKey = key,
            ObservedAddr = Multiaddress.Parse(s_multiaddrs[0]).ToBytes(),
            SignedPeerRecord = new PeerRecord(identity.PeerId, 1, [Multiaddress.Parse(s_multiaddrs[0])]).Seal(identity),
        };
        identify.ListenAddrs.Add(Multiaddress.Parse(s_multiaddrs[1]).ToBytes());
        identify.Protocols.Add("/ipfs/id/1.0.0");
        identify.Protocols.Add("/ipfs/ping/1.0.0");
        yield return new Seed("libp2p-identify", "message", identify.Encode());
        yield return new Seed("libp2p-identify", "signed-peer-record", identify.SignedPeerRecord);
        yield return new Seed("libp2p-identify", "peer-record", new PeerRecord(identity.PeerId, 7, [Multiaddress.Parse(s_multiaddrs[2])]).Encode());

        var payload = new NoiseHandshakePayload { IdentityKey = key, IdentitySig = identity.Sign([.. Encoding.ASCII.GetBytes("noise-libp2p-static-key:"), .. new byte[32]]) };
        payload.StreamMuxers.Add("/yamux/1.0.0");
        yield return new Seed("libp2p-noise-payload", "signed", payload.Encode());

        var frames = new List<byte>();
        frames.AddRange(Header(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, 1, 0));
        frames.AddRange(Header(YamuxFrameType.Data, YamuxFlags.None, 1, 5));
        frames.AddRange("hello"u8.ToArray());
        frames.AddRange(Header(YamuxFrameType.Ping, YamuxFlags.Syn, 0, 42));
        frames.AddRange(Header(YamuxFrameType.Data, YamuxFlags.Fin, 1, 0));
        frames.AddRange(Header(YamuxFrameType.WindowUpdate, YamuxFlags.Rst, 3, 0));
        frames.AddRange(Header(YamuxFrameType.GoAway, YamuxFlags.None, 0, 0));
        yield return new Seed("libp2p-yamux-session", "frames", frames.ToArray());
        yield return new Seed("libp2p-yamux-header", "headers", frames.GetRange(0, 2 * YamuxFrameHeader.Size + 5).ToArray()[..(2 * YamuxFrameHeader.Size)]);
    }

    private static byte[] Header(YamuxFrameType type, YamuxFlags flags, uint stream, uint length)
    {
        var header = new byte[YamuxFrameHeader.Size];
        new YamuxFrameHeader(type, flags, stream, length).Write(header);
        return header;
    }
}
