// Signal's records and messages are protobuf (libsignal rust/protocol/src/proto/*.proto): the decoders skip unknown
// fields of every wire type, as prost does, and report malformed wire data as InvalidEncoding.
using System;
using WotId.Core.Protobuf;
using WotId.Signal.Keys;

namespace WotId.Signal.Tests.KeyEncodings;

public sealed class ProtobufWireTests
{
    // Field 9 varint, 10 fixed64, 11 bytes, 12 group (with a varint inside), 13 fixed32.
    private const string UnknownFields = "4805" + "510102030405060708" + "5a03616263" + "63" + "0801" + "64" + "6d01020304";

    [Fact]
    public void UnknownFieldsOfEveryWireTypeAreSkipped()
    {
        using PreKeyRecord record = PreKeyRecord.Generate(7);
        byte[] serialized = record.Serialize();
        byte[] extended = [.. serialized, .. Convert.FromHexString(UnknownFields)];
        using PreKeyRecord back = PreKeyRecord.Deserialize(extended);
        Assert.Equal(7U, back.Id);
        Assert.Equal(serialized, back.Serialize());
    }

    [Theory]
    [InlineData("0a05")]
    [InlineData("08")]
    [InlineData("0c")]
    [InlineData("0f")]
    public void MalformedWireDataIsInvalidEncoding(string hex)
    {
        SignalProtocolException e = Assert.Throws<SignalProtocolException>(() => PreKeyRecord.Deserialize(Convert.FromHexString(hex)));
        Assert.Equal(SignalError.InvalidEncoding, e.Error);
        Assert.IsType<ProtobufException>(e.InnerException);
    }
}
