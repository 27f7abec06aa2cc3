namespace WotId.Core.Protobuf;

/// <summary>Why protobuf wire data was rejected by <see cref="ProtobufReader"/>.</summary>
public enum ProtobufError
{
    /// <summary>The message is longer than the reader's limit.</summary>
    MessageTooLong,

    /// <summary>The input ends inside a varint, a fixed-width value or a group.</summary>
    Truncated,

    /// <summary>A varint has more than 10 bytes or does not fit in 64 bits.</summary>
    VarintOverflow,

    /// <summary>A field number is 0 or above 2^29 − 1.</summary>
    InvalidFieldNumber,

    /// <summary>A field key carries wire type 6 or 7.</summary>
    InvalidWireType,

    /// <summary>A known field arrived with a wire type its declared type cannot have.</summary>
    UnexpectedWireType,

    /// <summary>A length prefix points beyond the end of the input.</summary>
    LengthBeyondInput,

    /// <summary>An end-group key without a matching start-group key.</summary>
    UnmatchedEndGroup,

    /// <summary>Groups are nested deeper than <see cref="ProtobufReader.MaxGroupDepth"/>.</summary>
    GroupTooDeep,

    /// <summary>A string field is not well-formed UTF-8.</summary>
    InvalidUtf8,
}
