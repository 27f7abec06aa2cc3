using System;

namespace WotId.Core.Protobuf;

/// <summary>
/// Protobuf wire data is malformed. The message names the defect, never the data. Each layer catches this and
/// raises its own error type.
/// </summary>
public sealed class ProtobufException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public ProtobufException(ProtobufError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with <see cref="ProtobufError.Truncated"/>.</summary>
    public ProtobufException()
        : this(ProtobufError.Truncated, "malformed protobuf")
    {
    }

    /// <summary>Creates the exception with <see cref="ProtobufError.Truncated"/>.</summary>
    public ProtobufException(string message)
        : this(ProtobufError.Truncated, message)
    {
    }

    /// <summary>Creates the exception with <see cref="ProtobufError.Truncated"/>.</summary>
    public ProtobufException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = ProtobufError.Truncated;
    }

    /// <summary>What was wrong.</summary>
    public ProtobufError Error { get; }
}
