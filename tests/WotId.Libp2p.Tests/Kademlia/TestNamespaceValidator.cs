using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using WotId.Libp2p.Kademlia;

namespace WotId.Libp2p.Tests.Kademlia;

/// <summary>
/// The <c>/wotid-test/</c> namespace: a value is an 8-byte big-endian sequence number and a payload; values shorter
/// than 8 bytes are invalid; the highest sequence wins (the same rules the js test peer applies).
/// </summary>
internal sealed class TestNamespaceValidator : IKadRecordValidator
{
    public const string Namespace = "wotid-test";

    public static Dictionary<string, IKadRecordValidator> WithPk() => new()
    {
        [PublicKeyValidator.Namespace] = new PublicKeyValidator(),
        [Namespace] = new TestNamespaceValidator(),
    };

    public static byte[] Value(ulong seq, string payload)
    {
        var v = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt64BigEndian(v, seq);
        System.Text.Encoding.ASCII.GetBytes(payload, v.AsSpan(8));
        return v;
    }

    public void Validate(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (value.Length < 8)
        {
            throw new KadException(KadError.InvalidRecord, "no sequence number");
        }
    }

    public int Select(ReadOnlySpan<byte> key, IReadOnlyList<byte[]> values)
    {
        ulong[] seqs = values.Select(v => BinaryPrimitives.ReadUInt64BigEndian(v)).ToArray();
        return Array.IndexOf(seqs, seqs.Max());
    }
}
