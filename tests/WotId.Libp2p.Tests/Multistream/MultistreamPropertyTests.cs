// "Arbitrary bytes never throw anything but the documented exception" for multistream-select messages.
using System;
using System.Buffers;
using CsCheck;
using WotId.Libp2p.Multistream;

namespace WotId.Libp2p.Tests.Multistream;

public sealed class MultistreamPropertyTests
{
    [Fact]
    public void ArbitraryBytesOnlyThrowMultistreamException()
    {
        Gen.Byte.Array[0, 40].Sample(bytes =>
        {
            try
            {
                MultistreamCodec.TryDecode(bytes, out _, out _);
            }
            catch (MultistreamException)
            {
            }
        }, iter: 50_000);
    }

    [Fact]
    public void EncodedMessagesDecodeToTheSameText()
    {
        Gen.String[Gen.Char.AlphaNumeric, 1, 200].Sample(text =>
        {
            var w = new ArrayBufferWriter<byte>();
            MultistreamCodec.Write(w, text);
            Assert.Equal(MultistreamCodec.GetEncodedLength(text), w.WrittenCount);
            Assert.Equal(OperationStatus.Done, MultistreamCodec.TryDecode(w.WrittenSpan, out string? decoded, out int consumed));
            Assert.Equal(text, decoded);
            Assert.Equal(w.WrittenCount, consumed);
            Assert.Equal(OperationStatus.NeedMoreData, MultistreamCodec.TryDecode(w.WrittenSpan[..^1], out _, out _));
        });
    }
}
