// Shared protobuf field helpers for identify, envelopes and peer records (proto2/proto3 wire format).
using System;
using System.Text;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Protocols.Identify;

/// <summary>Reads fields with identify's typed errors.</summary>
internal static class ProtoFields
{
    private static readonly UTF8Encoding s_strictUtf8 = new(false, true);

    public static bool NextTag(ref ProtoReader reader, out int field, out int wireType)
    {
        field = 0;
        wireType = 0;
        if (reader.End)
        {
            return false;
        }

        if (!reader.TryReadTag(out field, out wireType))
        {
            throw new IdentifyFormatException(IdentifyError.MalformedProtobuf, "malformed protobuf field key");
        }

        return true;
    }

    public static byte[] Bytes(ref ProtoReader reader, int wireType)
    {
        Expect(wireType, ProtoReader.WireLengthDelimited);
        if (!reader.TryReadBytes(out ReadOnlySpan<byte> value))
        {
            throw new IdentifyFormatException(IdentifyError.MalformedProtobuf, "truncated protobuf bytes field");
        }

        return value.ToArray();
    }

    public static string String(ref ProtoReader reader, int wireType)
    {
        byte[] bytes = Bytes(ref reader, wireType);
        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (ArgumentException)
        {
            throw new IdentifyFormatException(IdentifyError.InvalidUtf8, "protobuf string field is not UTF-8");
        }
    }

    public static ulong Varint(ref ProtoReader reader, int wireType)
    {
        Expect(wireType, ProtoReader.WireVarint);
        if (!reader.TryReadVarint(out ulong value))
        {
            throw new IdentifyFormatException(IdentifyError.MalformedProtobuf, "malformed protobuf varint");
        }

        return value;
    }

    public static void Skip(ref ProtoReader reader, int wireType)
    {
        if (!reader.TrySkip(wireType))
        {
            throw new IdentifyFormatException(IdentifyError.MalformedProtobuf, "cannot skip protobuf field");
        }
    }

    private static void Expect(int wireType, int expected)
    {
        if (wireType != expected)
        {
            throw new IdentifyFormatException(IdentifyError.WrongWireType, $"protobuf wire type {wireType}, expected {expected}");
        }
    }
}
