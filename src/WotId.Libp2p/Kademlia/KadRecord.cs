// libp2p/specs kad-dht/README.md "Record": key = 1, value = 2, timeReceived = 5 (RFC 3339 string, set by the
// receiver); fields 3 and 4 are retired and skipped.
using System;
using WotId.Core.Protobuf;

namespace WotId.Libp2p.Kademlia;

/// <summary>A DHT value record: a namespaced key (<c>/ns/…</c>) and an opaque value.</summary>
public sealed class KadRecord
{
    /// <summary>Creates a record.</summary>
    public KadRecord(byte[] key, byte[] value, string? timeReceived = null)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Value = value ?? throw new ArgumentNullException(nameof(value));
        TimeReceived = timeReceived;
    }

    /// <summary>The record key, e.g. the bytes of <c>/pk/&lt;multihash&gt;</c>.</summary>
    public byte[] Key { get; }

    /// <summary>The value, checked by the namespace's validator.</summary>
    public byte[] Value { get; }

    /// <summary>When the storing peer received it (RFC 3339), or null.</summary>
    public string? TimeReceived { get; }

    internal void WriteTo(ProtobufWriter w)
    {
        if (Key.Length > 0)
        {
            w.WriteBytes(1, Key);
        }

        if (Value.Length > 0)
        {
            w.WriteBytes(2, Value);
        }

        if (!string.IsNullOrEmpty(TimeReceived))
        {
            w.WriteString(5, TimeReceived);
        }
    }

    internal static KadRecord Read(ReadOnlySpan<byte> data)
    {
        byte[] key = [];
        byte[] value = [];
        string? time = null;
        var r = new ProtobufReader(data);
        while (r.TryReadTag(out int field, out WireType wire))
        {
            switch (field)
            {
                case 1: key = KadLimits.Bytes(r.ReadBytes(wire), KadProtocol.MaxKeyLength, "record key"); break;
                case 2: value = KadLimits.Bytes(r.ReadBytes(wire), KadProtocol.MaxValueLength, "record value"); break;
                case 5: time = KadLimits.Text(r.ReadString(wire), 64, "timeReceived"); break;
                default: r.Skip(wire); break;
            }
        }

        return new KadRecord(key, value, time);
    }
}
