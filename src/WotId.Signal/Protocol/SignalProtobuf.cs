// Signal's wire messages, keys and records are protobuf (libsignal rust/protocol/src/proto/*.proto), read with
// the core protobuf reader; its failures become SignalProtocolException so callers see one error type.
using WotId.Core.Protobuf;

namespace WotId.Signal.Protocol;

/// <summary>Maps protobuf wire errors to <see cref="SignalProtocolException"/>.</summary>
internal static class SignalProtobuf
{
    /// <summary><see cref="SignalError.InvalidEncoding"/> with the wire defect as the message (never the data).</summary>
    internal static SignalProtocolException Invalid(ProtobufException e) =>
        new(SignalError.InvalidEncoding, "invalid protobuf: " + e.Message, e);
}
