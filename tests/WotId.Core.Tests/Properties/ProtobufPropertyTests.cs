// Properties of the protobuf codec (https://protobuf.dev/programming-guides/encoding/): what the writer
// writes the reader reads back field by field, padded varints mean the same value, and arbitrary bytes give
// either fields or a ProtobufException, never another exception.
using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using WotId.Core.Protobuf;

namespace WotId.Core.Tests.Properties;

public sealed class ProtobufPropertyTests
{
    private const long Iterations = 10_000;

    private static readonly Gen<int> s_fields = Gen.OneOf(Gen.Int[1, 40], Gen.Int[1, ProtobufReader.MaxFieldNumber]);

    private static readonly Gen<ulong> s_values = Gen.OneOf(Gen.ULong, Gen.Int[0, 63].Select(b => 1UL << b), Gen.ULong[0, 300]);

    private static readonly Gen<Field> s_field = Gen.OneOf(
        Gen.Select(s_fields, s_values, (f, v) => new Field(f, WireType.Varint, v, [])),
        Gen.Select(s_fields, Gen.ULong, (f, v) => new Field(f, WireType.Fixed64, v, [])),
        Gen.Select(s_fields, Gen.UInt, (f, v) => new Field(f, WireType.Fixed32, v, [])),
        Gen.Select(s_fields, Gen.Byte.Array[0, 300], (f, b) => new Field(f, WireType.LengthDelimited, 0, b)));

    [Fact]
    public void WrittenFieldsReadBackInOrder() =>
        s_field.List[0, 20].Sample(fields =>
        {
            var w = new ProtobufWriter(8);
            foreach (Field f in fields)
            {
                Write(w, f);
            }

            Assert.Equal(fields, ReadAll(w.WrittenSpan));
        }, iter: Iterations);

    [Fact]
    public void SignedValuesRoundTrip() =>
        Gen.Select(s_fields, Gen.Long, Gen.Int).Sample((field, l, i) =>
        {
            var w = new ProtobufWriter();
            w.WriteInt64(field, l);
            w.WriteSInt64(field, l);
            w.WriteInt32(field, i);
            w.WriteSInt32(field, i);
            var r = new ProtobufReader(w.WrittenSpan);
            Assert.True(r.TryReadTag(out _, out WireType t));
            Assert.Equal(l, r.ReadInt64(t));
            Assert.True(r.TryReadTag(out _, out t));
            Assert.Equal(l, r.ReadSInt64(t));
            Assert.True(r.TryReadTag(out _, out t));
            Assert.Equal(i, r.ReadInt32(t));
            Assert.True(r.TryReadTag(out _, out t));
            Assert.Equal(i, r.ReadSInt32(t));
            Assert.True(r.End);
        }, iter: Iterations);

    [Fact]
    public void PaddedVarintsDecodeToTheSameValue() =>
        Gen.ULong[0, (1UL << 56) - 1].Sample(v =>
        {
            byte[] minimal = new byte[ProtobufVarint.MaxLength];
            int length = ProtobufVarint.Write(v, minimal);
            for (int padded = length + 1; padded <= ProtobufVarint.MaxLength; padded++)
            {
                byte[] form = new byte[padded];
                minimal.AsSpan(0, length).CopyTo(form);
                for (int i = length - 1; i < padded - 1; i++)
                {
                    form[i] |= 0x80;
                }

                Assert.Equal(System.Buffers.OperationStatus.Done, ProtobufVarint.TryRead(form, out ulong value, out int consumed));
                Assert.Equal((v, padded), (value, consumed));
            }
        }, iter: Iterations);

    [Fact]
    public void EveryProperPrefixOfAVarintNeedsMoreData() =>
        s_values.Sample(v =>
        {
            byte[] encoded = new byte[ProtobufVarint.MaxLength];
            int length = ProtobufVarint.Write(v, encoded);
            Assert.Equal(ProtobufVarint.GetLength(v), length);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(System.Buffers.OperationStatus.NeedMoreData, ProtobufVarint.TryRead(encoded.AsSpan(0, i), out _, out _));
            }
        }, iter: 2_000);

    [Fact]
    public void GarbageGivesFieldsOrAProtobufException() =>
        Gen.OneOf(Gen.Byte.Array[0, 200], Gen.Byte[0, 0x1F].Array[0, 64]).Sample(data =>
        {
            try
            {
                var r = new ProtobufReader(data);
                int count = 0;
                while (r.TryReadTag(out _, out WireType wire))
                {
                    r.Skip(wire);
                    count++;
                }

                Assert.Equal(data.Length, r.Position);
                Assert.InRange(count, 0, data.Length);
            }
            catch (ProtobufException e)
            {
                Assert.True(Enum.IsDefined(e.Error));
            }
        }, iter: Iterations);

    [Fact]
    public void MutatedMessagesGiveFieldsOrAProtobufException() =>
        Gen.Select(s_field.List[1, 8], Gen.Int, Gen.Byte).Sample((fields, at, value) =>
        {
            var w = new ProtobufWriter();
            foreach (Field f in fields)
            {
                Write(w, f);
            }

            byte[] data = w.ToArray();
            data[(int)((uint)at % (uint)data.Length)] = value;
            try
            {
                Assert.NotNull(ReadAll(data));
            }
            catch (ProtobufException)
            {
                // Rejected with the typed error: the expected outcome for a broken key or length.
            }
        }, iter: Iterations);

    private static void Write(ProtobufWriter w, Field f)
    {
        switch (f.Wire)
        {
            case WireType.Varint: w.WriteUInt64(f.Number, f.Value); break;
            case WireType.Fixed64: w.WriteFixed64(f.Number, f.Value); break;
            case WireType.Fixed32: w.WriteFixed32(f.Number, (uint)f.Value); break;
            default: w.WriteBytes(f.Number, f.Bytes); break;
        }
    }

    private static List<Field> ReadAll(ReadOnlySpan<byte> data)
    {
        var list = new List<Field>();
        var r = new ProtobufReader(data);
        while (r.TryReadTag(out int number, out WireType wire))
        {
            list.Add(wire switch
            {
                WireType.Varint => new Field(number, wire, r.ReadUInt64(wire), []),
                WireType.Fixed64 => new Field(number, wire, r.ReadFixed64(wire), []),
                WireType.Fixed32 => new Field(number, wire, r.ReadFixed32(wire), []),
                WireType.LengthDelimited => new Field(number, wire, 0, r.ReadBytes(wire).ToArray()),
                _ => SkipGroup(ref r, number, wire),
            });
        }

        return list;
    }

    private static Field SkipGroup(ref ProtobufReader r, int number, WireType wire)
    {
        r.Skip(wire);
        return new Field(number, wire, 0, []);
    }

    private sealed record Field(int Number, WireType Wire, ulong Value, byte[] Bytes)
    {
        public bool Equals(Field? other) =>
            other is not null && Number == other.Number && Wire == other.Wire && Value == other.Value && Bytes.AsSpan().SequenceEqual(other.Bytes);

        public override int GetHashCode() => HashCode.Combine(Number, Wire, Value, Bytes.Length);
    }
}
