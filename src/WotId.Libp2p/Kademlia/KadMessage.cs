// libp2p/specs kad-dht/README.md "RPC messages": type = 1, key = 2, record = 3, closerPeers = 8,
// providerPeers = 9, clusterLevelRaw = 10 (unused, skipped). The wire is proto3-like: zero values are omitted, so
// a PUT_VALUE message carries no type field and a missing type decodes as PUT_VALUE (libp2p.md §0, interop trap).
using System;
using System.Collections.Generic;
using WotId.Core.Protobuf;

namespace WotId.Libp2p.Kademlia;

/// <summary>A DHT request or response.</summary>
internal sealed class KadMessage
{
    public KadMessage(KadMessageType type, byte[]? key = null)
    {
        Type = type;
        Key = key ?? [];
    }

    public KadMessageType Type { get; }

    public byte[] Key { get; }

    public KadRecord? Record { get; set; }

    public List<KadPeer> CloserPeers { get; } = new();

    public List<KadPeer> ProviderPeers { get; } = new();

    public byte[] Encode()
    {
        var w = new ProtobufWriter(256);
        if (Type != KadMessageType.PutValue)
        {
            w.WriteUInt32(1, (uint)Type);
        }

        if (Key.Length > 0)
        {
            w.WriteBytes(2, Key);
        }

        if (Record is not null)
        {
            var inner = new ProtobufWriter(Record.Key.Length + Record.Value.Length + 16);
            Record.WriteTo(inner);
            w.WriteBytes(3, inner.WrittenSpan);
        }

        WritePeers(w, 8, CloserPeers);
        WritePeers(w, 9, ProviderPeers);
        return w.ToArray();
    }

    /// <summary>Decodes one message; unknown fields are skipped.</summary>
    /// <exception cref="KadException">Malformed protobuf, an unknown type, or a limit exceeded.</exception>
    public static KadMessage Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length > KadProtocol.MaxMessageSize)
        {
            throw new KadException(KadError.TooLarge, $"message of {data.Length} bytes exceeds the limit of {KadProtocol.MaxMessageSize}");
        }

        try
        {
            uint type = 0;
            byte[] key = [];
            KadRecord? record = null;
            var closer = new List<KadPeer>();
            var providers = new List<KadPeer>();
            var r = new ProtobufReader(data);
            while (r.TryReadTag(out int field, out WireType wire))
            {
                switch (field)
                {
                    case 1: type = r.ReadUInt32(wire); break;
                    case 2: key = KadLimits.Bytes(r.ReadBytes(wire), KadProtocol.MaxKeyLength, "key"); break;
                    case 3: record = KadRecord.Read(r.ReadBytes(wire)); break;
                    case 8:
                        KadLimits.Count(closer.Count + 1, KadProtocol.MaxPeersPerMessage, "closer peers");
                        closer.Add(KadPeer.Read(r.ReadBytes(wire)));
                        break;
                    case 9:
                        KadLimits.Count(providers.Count + 1, KadProtocol.MaxPeersPerMessage, "provider peers");
                        providers.Add(KadPeer.Read(r.ReadBytes(wire)));
                        break;
                    default: r.Skip(wire); break;
                }
            }

            if (type > (uint)KadMessageType.Ping)
            {
                throw new KadException(KadError.InvalidField, "unknown message type " + type);
            }

            var m = new KadMessage((KadMessageType)type, key) { Record = record };
            m.CloserPeers.AddRange(closer);
            m.ProviderPeers.AddRange(providers);
            return m;
        }
        catch (ProtobufException e)
        {
            throw new KadException(KadError.MalformedMessage, "malformed DHT message: " + e.Message, e);
        }
    }

    private static void WritePeers(ProtobufWriter w, int field, List<KadPeer> peers)
    {
        foreach (KadPeer p in peers)
        {
            var inner = new ProtobufWriter(64);
            p.WriteTo(inner);
            w.WriteBytes(field, inner.WrittenSpan);
        }
    }
}
