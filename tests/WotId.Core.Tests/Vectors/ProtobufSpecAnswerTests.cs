// Answers from the Protocol Buffers encoding guide (https://protobuf.dev/programming-guides/encoding/):
// "A Simple Message" (08 96 01), "More Varint Examples", "Signed Integers" (ZigZag table, sign-extended int32),
// "Length-Delimited Records" (12 07 "testing"), "Groups", and the field-number and wire-type rules.
using System;
using WotId.Core.Protobuf;

namespace WotId.Core.Tests.Vectors;

public sealed class ProtobufSpecAnswerTests
{
    [Fact]
    public void SimpleMessageHoldsOneHundredFifty()
    {
        var r = new ProtobufReader(Convert.FromHexString("089601"));
        Assert.True(r.TryReadTag(out int field, out WireType wire));
        Assert.Equal((1, WireType.Varint), (field, wire));
        Assert.Equal(150UL, r.ReadUInt64(wire));
        Assert.False(r.TryReadTag(out _, out _));

        var w = new ProtobufWriter();
        w.WriteUInt64(1, 150);
        Assert.Equal("089601", Convert.ToHexString(w.WrittenSpan).ToLowerInvariant());
    }

    [Fact]
    public void LengthDelimitedStringReadsTesting()
    {
        var r = new ProtobufReader(Convert.FromHexString("120774657374696e67"));
        Assert.True(r.TryReadTag(out int field, out WireType wire));
        Assert.Equal((2, WireType.LengthDelimited), (field, wire));
        Assert.Equal("testing", r.ReadString(wire));
        Assert.True(r.End);

        var w = new ProtobufWriter();
        w.WriteString(2, "testing");
        Assert.Equal("120774657374696e67", Convert.ToHexString(w.WrittenSpan).ToLowerInvariant());
    }

    [Fact]
    public void LargestUInt64TakesTenBytes()
    {
        byte[] wire = Convert.FromHexString("08ffffffffffffffffff01");
        var r = new ProtobufReader(wire);
        Assert.True(r.TryReadTag(out _, out WireType type));
        Assert.Equal(ulong.MaxValue, r.ReadUInt64(type));

        var w = new ProtobufWriter();
        w.WriteUInt64(1, ulong.MaxValue);
        Assert.Equal(wire, w.ToArray());
    }

    [Fact]
    public void NegativeInt32IsSignExtendedToTenBytes()
    {
        byte[] wire = Convert.FromHexString("08ffffffffffffffffff01");
        var w = new ProtobufWriter();
        w.WriteInt32(1, -1);
        Assert.Equal(wire, w.ToArray());

        var r = new ProtobufReader(wire);
        Assert.True(r.TryReadTag(out _, out WireType type));
        Assert.Equal(-1, r.ReadInt32(type));
    }

    [Theory]
    [InlineData(0L, 0UL)]
    [InlineData(-1L, 1UL)]
    [InlineData(1L, 2UL)]
    [InlineData(-2L, 3UL)]
    [InlineData(0x7FFFFFFFL, 0xFFFFFFFEUL)]
    [InlineData(-0x80000000L, 0xFFFFFFFFUL)]
    [InlineData(long.MinValue, ulong.MaxValue)]
    public void ZigZagMatchesTheGuideTable(long signed, ulong encoded)
    {
        Assert.Equal(encoded, ProtobufVarint.ZigZagEncode(signed));
        Assert.Equal(signed, ProtobufVarint.ZigZagDecode(encoded));
    }

    [Theory]
    [InlineData("00", 0UL, 1)]
    [InlineData("8000", 0UL, 2)]
    [InlineData("ff00", 127UL, 2)]
    [InlineData("9681808000", 150UL, 5)]
    [InlineData("80808080808080808000", 0UL, 10)]
    [InlineData("ff808080808080808000", 127UL, 10)]
    [InlineData("ffffffffffffffffff01", ulong.MaxValue, 10)]
    public void NonMinimalVarintsUpToTenBytesAreAccepted(string hex, ulong value, int length)
    {
        Assert.Equal(System.Buffers.OperationStatus.Done, ProtobufVarint.TryRead(Convert.FromHexString(hex), out ulong read, out int consumed));
        Assert.Equal((value, length), (read, consumed));
    }

    [Fact]
    public void PaddedFieldKeyIsAccepted()
    {
        var r = new ProtobufReader(Convert.FromHexString("88009601"));
        Assert.True(r.TryReadTag(out int field, out WireType wire));
        Assert.Equal((1, WireType.Varint), (field, wire));
        Assert.Equal(150UL, r.ReadUInt64(wire));
    }

    [Theory]
    [InlineData("088080808080808080808000")]
    [InlineData("08ffffffffffffffffff02")]
    [InlineData("08ffffffffffffffffff7f")]
    public void VarintBeyondTenBytesOrSixtyFourBitsIsOverflow(string hex) =>
        AssertFails(hex, ProtobufError.VarintOverflow, read: true);

    [Theory]
    [InlineData("08")]
    [InlineData("0896")]
    [InlineData("09010203")]
    [InlineData("0d0102")]
    public void TruncatedValueIsTruncated(string hex) => AssertFails(hex, ProtobufError.Truncated, read: true);

    [Fact]
    public void EachWireTypeReadsItsValue()
    {
        var w = new ProtobufWriter();
        w.WriteUInt64(1, 300);
        w.WriteFixed64(2, 0x0102030405060708);
        w.WriteBytes(3, [0xAA, 0xBB]);
        w.WriteFixed32(5, 0xDEADBEEF);
        w.WriteSInt64(6, -3);
        w.WriteBool(7, true);
        Assert.Equal("08ac021108070605040302011a" + "02aabb" + "2defbeadde" + "3005" + "3801", Convert.ToHexString(w.WrittenSpan).ToLowerInvariant());

        var r = new ProtobufReader(w.WrittenSpan);
        Assert.True(r.TryReadTag(out _, out WireType t1));
        Assert.Equal(300UL, r.ReadUInt64(t1));
        Assert.True(r.TryReadTag(out _, out WireType t2));
        Assert.Equal(0x0102030405060708UL, r.ReadFixed64(t2));
        Assert.True(r.TryReadTag(out _, out WireType t3));
        Assert.Equal([0xAA, 0xBB], r.ReadBytes(t3).ToArray());
        Assert.True(r.TryReadTag(out _, out WireType t5));
        Assert.Equal(0xDEADBEEFU, r.ReadFixed32(t5));
        Assert.True(r.TryReadTag(out _, out WireType t6));
        Assert.Equal(-3L, r.ReadSInt64(t6));
        Assert.True(r.TryReadTag(out _, out WireType t7));
        Assert.True(r.ReadBool(t7));
        Assert.True(r.End);
    }

    [Fact]
    public void UnknownFieldsOfEveryWireTypeAreSkipped()
    {
        // Fields 9 (varint), 10 (i64), 11 (len), 12 (group holding a varint and a nested group), 13 (i32), then field 1.
        const string Unknown = "48ff01" + "510102030405060708" + "5a03616263" + "63" + "0801" + "13" + "1801" + "14" + "64" + "6d01020304";
        var r = new ProtobufReader(Convert.FromHexString(Unknown + "082a"));
        ulong? known = null;
        int skipped = 0;
        while (r.TryReadTag(out int field, out WireType wire))
        {
            if (field == 1)
            {
                known = r.ReadUInt64(wire);
            }
            else
            {
                r.Skip(wire);
                skipped++;
            }
        }

        Assert.Equal(5, skipped);
        Assert.Equal(42UL, known);
    }

    [Fact]
    public void LargestFieldNumberIsAccepted()
    {
        var w = new ProtobufWriter();
        w.WriteUInt64(ProtobufReader.MaxFieldNumber, 1);
        Assert.Equal("f8ffffff0f01", Convert.ToHexString(w.WrittenSpan).ToLowerInvariant());
        var r = new ProtobufReader(w.WrittenSpan);
        Assert.True(r.TryReadTag(out int field, out _));
        Assert.Equal(ProtobufReader.MaxFieldNumber, field);
    }

    [Theory]
    [InlineData("0001")]
    [InlineData("8080808010")]
    [InlineData("ffffffffffffffffff01")]
    public void FieldNumberZeroOrTooLargeIsRejected(string hex) => AssertFails(hex, ProtobufError.InvalidFieldNumber, read: false);

    [Theory]
    [InlineData("0e")]
    [InlineData("0f")]
    public void WireTypesSixAndSevenAreRejected(string hex) => AssertFails(hex, ProtobufError.InvalidWireType, read: false);

    [Theory]
    [InlineData("0c")]
    [InlineData("0b0801140c")]
    public void EndGroupWithoutItsStartIsRejected(string hex) => AssertFails(hex, ProtobufError.UnmatchedEndGroup, read: true);

    [Fact]
    public void UnterminatedGroupIsTruncated() => AssertFails("0b0801", ProtobufError.Truncated, read: true);

    [Fact]
    public void GroupsNestUpToTheLimit()
    {
        byte[] ok = NestedGroups(ProtobufReader.MaxGroupDepth);
        var r = new ProtobufReader(ok);
        Assert.True(r.TryReadTag(out _, out WireType wire));
        r.Skip(wire);
        Assert.True(r.End);

        byte[] deep = NestedGroups(ProtobufReader.MaxGroupDepth + 1);
        ProtobufException e = Assert.Throws<ProtobufException>(() =>
        {
            var reader = new ProtobufReader(deep);
            reader.TryReadTag(out _, out WireType w);
            reader.Skip(w);
        });
        Assert.Equal(ProtobufError.GroupTooDeep, e.Error);
    }

    [Theory]
    [InlineData("0a05616263")]
    [InlineData("0affffffffffffffff7f")]
    [InlineData("0affffffff0f00")]
    public void LengthPrefixBeyondTheInputIsRejected(string hex) => AssertFails(hex, ProtobufError.LengthBeyondInput, read: true);

    [Fact]
    public void MessageLongerThanTheLimitIsRejected()
    {
        byte[] data = new byte[17];
        ProtobufException e = Assert.Throws<ProtobufException>(() => _ = new ProtobufReader(data, maxMessageLength: 16).Position);
        Assert.Equal(ProtobufError.MessageTooLong, e.Error);
        var atLimit = new ProtobufReader(data.AsSpan(0, 16), maxMessageLength: 16);
        Assert.Equal(0, atLimit.Position);
    }

    [Fact]
    public void KnownFieldWithAnotherWireTypeIsRejected()
    {
        ProtobufException e = Assert.Throws<ProtobufException>(() =>
        {
            var r = new ProtobufReader(Convert.FromHexString("0801"));
            r.TryReadTag(out _, out WireType wire);
            r.ReadBytes(wire);
        });
        Assert.Equal(ProtobufError.UnexpectedWireType, e.Error);
    }

    [Fact]
    public void Uint32FromAWiderVarintKeepsTheLowBits()
    {
        var w = new ProtobufWriter();
        w.WriteUInt64(1, (1UL << 32) + 5);
        var r = new ProtobufReader(w.WrittenSpan);
        r.TryReadTag(out _, out WireType wire);
        Assert.Equal(5U, r.ReadUInt32(wire));
    }

    [Fact]
    public void StringThatIsNotUtf8IsRejected()
    {
        ProtobufException e = Assert.Throws<ProtobufException>(() =>
        {
            var r = new ProtobufReader(Convert.FromHexString("0a02c328"));
            r.TryReadTag(out _, out WireType wire);
            r.ReadString(wire);
        });
        Assert.Equal(ProtobufError.InvalidUtf8, e.Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(ProtobufReader.MaxFieldNumber + 1)]
    public void WriterRefusesFieldNumbersOutsideTheRange(int field) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProtobufWriter().WriteUInt64(field, 1));

    [Fact]
    public void ClearZeroesWhatWasWritten()
    {
        var w = new ProtobufWriter(16);
        w.WriteBytes(1, new byte[100]);
        w.Clear();
        Assert.Equal(0, w.Length);
        w.WriteUInt64(1, 1);
        Assert.Equal([0x08, 0x01], w.ToArray());
    }

    private static byte[] NestedGroups(int depth)
    {
        // Group field 1: start key 0b, end key 0c.
        byte[] data = new byte[2 * depth];
        data.AsSpan(0, depth).Fill(0x0B);
        data.AsSpan(depth).Fill(0x0C);
        return data;
    }

    private static void AssertFails(string hex, ProtobufError error, bool read)
    {
        byte[] data = Convert.FromHexString(hex);
        ProtobufException e = Assert.Throws<ProtobufException>(() =>
        {
            var r = new ProtobufReader(data);
            while (r.TryReadTag(out _, out WireType wire))
            {
                Assert.True(read, "the key itself should have been rejected");
                r.Skip(wire);
            }
        });
        Assert.Equal(error, e.Error);
    }
}
