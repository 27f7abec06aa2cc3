// Fuzz target: ProtobufReader over raw bytes (protobuf.dev/programming-guides/encoding). Every field is read by
// its wire type, length-delimited values are also tried as embedded messages, and what was read is written
// again with ProtobufWriter and must read back the same.
using System;
using System.Collections.Generic;
using WotId.Core.Protobuf;

namespace WotId.Fuzz.Targets.Core;

/// <summary>Feeds arbitrary input to <see cref="ProtobufReader"/>; only <see cref="ProtobufException"/> may escape it.</summary>
public sealed class ProtobufReadTarget : IFuzzTarget
{
    private const int MaxEmbeddedDepth = 8;

    /// <inheritdoc />
    public string Name => "core-protobuf";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        List<(int Field, WireType Wire, ulong Value, byte[] Bytes)> fields;
        try
        {
            fields = Read(input, 0);
        }
        catch (ProtobufException)
        {
            return; // Documented rejection.
        }

        var writer = new ProtobufWriter(input.Length + 16);
        foreach ((int field, WireType wire, ulong value, byte[] bytes) in fields)
        {
            switch (wire)
            {
                case WireType.Varint: writer.WriteUInt64(field, value); break;
                case WireType.Fixed64: writer.WriteFixed64(field, value); break;
                case WireType.Fixed32: writer.WriteFixed32(field, (uint)value); break;
                case WireType.LengthDelimited: writer.WriteBytes(field, bytes); break;
                default: break; // Groups are skipped, not kept.
            }
        }

        List<(int Field, WireType Wire, ulong Value, byte[] Bytes)> again = Read(writer.WrittenSpan, 0);
        int expected = fields.FindAll(f => f.Wire != WireType.StartGroup).Count;
        if (again.Count != expected)
        {
            throw new InvalidOperationException("re-encoded protobuf reads back a different number of fields");
        }
    }

    private static List<(int, WireType, ulong, byte[])> Read(ReadOnlySpan<byte> data, int depth)
    {
        var fields = new List<(int, WireType, ulong, byte[])>();
        var reader = new ProtobufReader(data);
        while (reader.TryReadTag(out int field, out WireType wire))
        {
            switch (wire)
            {
                case WireType.Varint:
                    fields.Add((field, wire, reader.ReadUInt64(wire), []));
                    break;
                case WireType.Fixed64:
                    fields.Add((field, wire, reader.ReadFixed64(wire), []));
                    break;
                case WireType.Fixed32:
                    fields.Add((field, wire, reader.ReadFixed32(wire), []));
                    break;
                case WireType.LengthDelimited:
                    ReadOnlySpan<byte> bytes = reader.ReadBytes(wire);
                    TryEmbedded(bytes, depth);
                    fields.Add((field, wire, 0, bytes.ToArray()));
                    break;
                default:
                    reader.Skip(wire);
                    fields.Add((field, wire, 0, []));
                    break;
            }
        }

        return fields;
    }

    private static void TryEmbedded(ReadOnlySpan<byte> bytes, int depth)
    {
        if (depth >= MaxEmbeddedDepth)
        {
            return;
        }

        try
        {
            Read(bytes, depth + 1);
        }
        catch (ProtobufException)
        {
            // Not a message: an ordinary bytes or string value.
        }
    }
}
