// Protocol Buffers encoding, "Message Structure": the low three bits of a field key name one of six wire types
// (https://protobuf.dev/programming-guides/encoding/#structure). 6 and 7 are not assigned.
namespace WotId.Core.Protobuf;

/// <summary>The wire type of a protobuf field (the low three bits of its key).</summary>
public enum WireType
{
    /// <summary>VARINT: int32, int64, uint32, uint64, sint32, sint64, bool, enum.</summary>
    Varint = 0,

    /// <summary>I64: fixed64, sfixed64, double (8 bytes, little-endian).</summary>
    Fixed64 = 1,

    /// <summary>LEN: string, bytes, embedded messages, packed repeated fields (varint length, then the bytes).</summary>
    LengthDelimited = 2,

    /// <summary>SGROUP: start of a proto2 group (deprecated).</summary>
    StartGroup = 3,

    /// <summary>EGROUP: end of a proto2 group (deprecated).</summary>
    EndGroup = 4,

    /// <summary>I32: fixed32, sfixed32, float (4 bytes, little-endian).</summary>
    Fixed32 = 5,
}
