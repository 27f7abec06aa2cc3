// Property tests for the multiformats unsigned varint (multiformats/unsigned-varint: LEB128, minimal, ≤ 9 bytes).
using System;
using System.Buffers;
using CsCheck;
using WotId.Core.Encoding;

namespace WotId.Core.Tests.Properties;

public sealed class VarintPropertyTests
{
    private const long Iterations = 20_000;

    private static readonly Gen<ulong> s_values = Gen.OneOf(
        Gen.ULong[0, Varint.MaxValue],
        Gen.Int[0, 62].Select(bits => 1UL << bits),
        Gen.Int[1, 63].Select(bits => (1UL << bits) - 1));

    [Fact]
    public void RoundTripsAndConsumesExactlyItsLength() =>
        s_values.Sample(v =>
        {
            byte[] encoded = Varint.Encode(v);
            Assert.Equal(Varint.GetLength(v), encoded.Length);
            Assert.InRange(encoded.Length, 1, Varint.MaxLength);
            Assert.Equal(OperationStatus.Done, Varint.TryRead(encoded, out ulong value, out int consumed));
            Assert.Equal(v, value);
            Assert.Equal(encoded.Length, consumed);
            Assert.Equal(v, Varint.Read(encoded, out int consumed2));
            Assert.Equal(encoded.Length, consumed2);
        }, iter: Iterations);

    [Fact]
    public void TrailingBytesAreNotConsumed() =>
        Gen.Select(s_values, Gen.Byte.Array[1, 10]).Sample((v, tail) =>
        {
            byte[] encoded = Varint.Encode(v);
            byte[] input = [.. encoded, .. tail];
            Assert.Equal(v, Varint.Read(input, out int consumed));
            Assert.Equal(encoded.Length, consumed);
        }, iter: Iterations);

    [Fact]
    public void EveryProperPrefixNeedsMoreData() =>
        s_values.Sample(v =>
        {
            byte[] encoded = Varint.Encode(v);
            for (int i = 0; i < encoded.Length; i++)
            {
                Assert.Equal(OperationStatus.NeedMoreData, Varint.TryRead(encoded.AsSpan(0, i), out _, out _));
                Assert.Throws<FormatException>(() => Varint.Read(encoded.AsSpan(0, i), out _));
            }
        }, iter: 2_000);

    [Fact]
    public void NonMinimalEncodingsAreInvalid() =>
        Gen.ULong[0, (1UL << 56) - 1].Sample(v =>
        {
            // Append a redundant zero group: same value, one byte longer, not minimal.
            byte[] encoded = Varint.Encode(v);
            byte[] padded = [.. encoded, 0x00];
            padded[encoded.Length - 1] |= 0x80;
            Assert.Equal(OperationStatus.InvalidData, Varint.TryRead(padded, out _, out _));
            Assert.Throws<FormatException>(() => Varint.Read(padded, out _));
        }, iter: Iterations);

    [Fact]
    public void ArbitraryBytesGiveAStatusOrFormatException() =>
        Gen.Byte.Array[0, 12].Sample(b =>
        {
            OperationStatus status = Varint.TryRead(b, out ulong value, out int consumed);
            Assert.True(Enum.IsDefined(status));
            if (status == OperationStatus.Done)
            {
                Assert.InRange(consumed, 1, Math.Min(b.Length, Varint.MaxLength));
                Assert.Equal(b.AsSpan(0, consumed).ToArray(), Varint.Encode(value));
                Assert.Equal(value, Varint.Read(b, out _));
            }
            else
            {
                Assert.Throws<FormatException>(() => Varint.Read(b, out _));
            }
        }, iter: Iterations);

    [Fact]
    public void ValuesAboveTheNineByteLimitAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Varint.Encode(Varint.MaxValue + 1));
        // Ten bytes: 0x80 × 9 then 0x01 (2^63) is over the 9-byte limit.
        byte[] tooLong = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01];
        Assert.Equal(OperationStatus.InvalidData, Varint.TryRead(tooLong, out _, out _));
    }
}
