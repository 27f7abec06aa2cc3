// Identify, signed envelopes and peer records are protobuf messages (libp2p/specs identify/README.md,
// RFC/0002-signed-envelopes.md, RFC/0003-routing-records.md); their decoders read them with the core protobuf
// reader and report its failures as identify errors.
using WotId.Core.Protobuf;

namespace WotId.Libp2p.Protocols.Identify;

/// <summary>Maps protobuf wire errors to <see cref="IdentifyFormatException"/>.</summary>
internal static class IdentifyProtobuf
{
    public static IdentifyFormatException Malformed(ProtobufException e) => new(
        e.Error switch
        {
            ProtobufError.UnexpectedWireType => IdentifyError.WrongWireType,
            ProtobufError.InvalidUtf8 => IdentifyError.InvalidUtf8,
            _ => IdentifyError.MalformedProtobuf,
        },
        "malformed protobuf: " + e.Message);
}
