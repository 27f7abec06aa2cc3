// libp2p/specs autonat/autonat-v2.md, "RPC Messages" (proto3): Message { oneof msg { DialRequest dialRequest = 1;
// DialResponse dialResponse = 2; DialDataRequest dialDataRequest = 3; DialDataResponse dialDataResponse = 4; } }
// DialRequest { repeated bytes addrs = 1; fixed64 nonce = 2; }  DialResponse { status = 1; uint32 addrIdx = 2;
// dialStatus = 3; }  DialDataRequest { uint32 addrIdx = 1; uint64 numBytes = 2; }  DialDataResponse { bytes data = 1; }
//
// | limit                     | value                                                  |
// |---------------------------|--------------------------------------------------------|
// | encoded message           | 8 KiB (go and js maxMessageSize)                       |
// | addresses in a request    | 16 (go's maxPeerAddresses); unreadable ones kept as null so indices stay aligned |
// | DialDataResponse.data     | 4096 bytes (spec); only its length is kept              |
// Unknown fields are skipped; proto3 zero values may be omitted, so absent numbers read as 0.
using System;
using System.Collections.Generic;
using WotId.Core.Protobuf;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Protocols.AutoNat;

/// <summary>One message of the <c>/libp2p/autonat/2/dial-request</c> stream.</summary>
public sealed class AutoNatMessage
{
    /// <summary>Largest encoded message accepted or sent.</summary>
    public const int MaxMessageSize = 8192;

    /// <summary>Most addresses in a dial request.</summary>
    public const int MaxAddresses = 16;

    /// <summary>Largest <c>data</c> field of one DialDataResponse.</summary>
    public const int MaxDialDataChunk = 4096;

    private AutoNatMessage(AutoNatMessageKind kind)
    {
        Kind = kind;
    }

    /// <summary>Which member of the oneof is set.</summary>
    public AutoNatMessageKind Kind { get; }

    /// <summary>DialRequest: the addresses in priority order; an unreadable one is null (its index still counts).</summary>
    public IReadOnlyList<Multiaddress?> Addresses { get; private init; } = [];

    /// <summary>DialRequest: the nonce the dial back must carry.</summary>
    public ulong Nonce { get; private init; }

    /// <summary>DialResponse: whether the request was served.</summary>
    public AutoNatResponseStatus Status { get; private init; }

    /// <summary>DialResponse and DialDataRequest: index of the selected address.</summary>
    public uint AddressIndex { get; private init; }

    /// <summary>DialResponse: the outcome of the dial back.</summary>
    public AutoNatDialStatus DialStatus { get; private init; }

    /// <summary>DialDataRequest: bytes of dial data the server demands.</summary>
    public ulong ByteCount { get; private init; }

    /// <summary>DialDataResponse: the length of its data field (the content carries no meaning).</summary>
    public int DataLength { get; private init; }

    /// <summary>A DialRequest.</summary>
    public static AutoNatMessage DialRequest(IReadOnlyList<Multiaddress> addresses, ulong nonce)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count is 0 or > MaxAddresses)
        {
            throw new ArgumentOutOfRangeException(nameof(addresses), "a dial request holds 1 to 16 addresses");
        }

        return new AutoNatMessage(AutoNatMessageKind.DialRequest) { Addresses = [.. addresses], Nonce = nonce };
    }

    /// <summary>A DialResponse.</summary>
    public static AutoNatMessage DialResponse(AutoNatResponseStatus status, uint addressIndex, AutoNatDialStatus dialStatus) =>
        new(AutoNatMessageKind.DialResponse) { Status = status, AddressIndex = addressIndex, DialStatus = dialStatus };

    /// <summary>A DialDataRequest.</summary>
    public static AutoNatMessage DialDataRequest(uint addressIndex, ulong byteCount) =>
        new(AutoNatMessageKind.DialDataRequest) { AddressIndex = addressIndex, ByteCount = byteCount };

    /// <summary>A DialDataResponse with <paramref name="length"/> zero bytes of data.</summary>
    public static AutoNatMessage DialDataResponse(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxDialDataChunk);
        return new AutoNatMessage(AutoNatMessageKind.DialDataResponse) { DataLength = length };
    }

    /// <summary>Encodes the message (without the length prefix).</summary>
    /// <exception cref="AutoNatFormatException">The encoding exceeds 8 KiB.</exception>
    public byte[] Encode()
    {
        var inner = new ProtobufWriter(64);
        switch (Kind)
        {
            case AutoNatMessageKind.DialRequest:
                foreach (Multiaddress? a in Addresses)
                {
                    inner.WriteBytes(1, a is null ? [] : a.ToBytes());
                }

                inner.WriteFixed64(2, Nonce);
                break;
            case AutoNatMessageKind.DialResponse:
                WriteNonZero(inner, 1, (ulong)Status);
                WriteNonZero(inner, 2, AddressIndex);
                WriteNonZero(inner, 3, (ulong)DialStatus);
                break;
            case AutoNatMessageKind.DialDataRequest:
                WriteNonZero(inner, 1, AddressIndex);
                WriteNonZero(inner, 2, ByteCount);
                break;
            default:
                inner.WriteBytes(1, new byte[DataLength]);
                break;
        }

        var outer = new ProtobufWriter(inner.WrittenSpan.Length + 8);
        outer.WriteBytes((int)Kind, inner.WrittenSpan);
        return outer.Length <= MaxMessageSize ? outer.ToArray()
            : throw new AutoNatFormatException(AutoNatError.TooLarge, "AutoNAT message exceeds 8 KiB");
    }

    /// <summary>Decodes a message (without the length prefix).</summary>
    /// <exception cref="AutoNatFormatException">Malformed, too large, or without a oneof member.</exception>
    public static AutoNatMessage Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length > MaxMessageSize)
        {
            throw new AutoNatFormatException(AutoNatError.TooLarge, "AutoNAT message exceeds 8 KiB");
        }

        try
        {
            AutoNatMessage? result = null;
            var r = new ProtobufReader(encoded);
            while (r.TryReadTag(out int field, out WireType wire))
            {
                if (field is >= 1 and <= 4 && wire == WireType.LengthDelimited)
                {
                    // oneof: the last member on the wire wins (protobuf merge rules).
                    result = DecodeMember((AutoNatMessageKind)field, r.ReadBytes(wire));
                }
                else
                {
                    r.Skip(wire);
                }
            }

            return result ?? throw new AutoNatFormatException(AutoNatError.MissingField, "AutoNAT message without a member");
        }
        catch (ProtobufException e)
        {
            throw new AutoNatFormatException(AutoNatError.MalformedProtobuf, "malformed AutoNAT protobuf: " + e.Message);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        AutoNatMessageKind.DialRequest => $"DialRequest({Addresses.Count} addresses)",
        AutoNatMessageKind.DialResponse => $"DialResponse({Status}, {AddressIndex}, {DialStatus})",
        AutoNatMessageKind.DialDataRequest => $"DialDataRequest({AddressIndex}, {ByteCount})",
        _ => $"DialDataResponse({DataLength} bytes)",
    };

    private static AutoNatMessage DecodeMember(AutoNatMessageKind kind, ReadOnlySpan<byte> body)
    {
        var addrs = new List<Multiaddress?>();
        ulong nonce = 0, a = 0, b = 0, c = 0;
        int dataLength = 0;
        var r = new ProtobufReader(body);
        while (r.TryReadTag(out int field, out WireType wire))
        {
            switch (kind, field)
            {
                case (AutoNatMessageKind.DialRequest, 1):
                    ReadOnlySpan<byte> bytes = r.ReadBytes(wire);
                    if (addrs.Count >= MaxAddresses)
                    {
                        throw new AutoNatFormatException(AutoNatError.TooLarge, "dial request with more than 16 addresses");
                    }

                    addrs.Add(TryParse(bytes));
                    break;
                case (AutoNatMessageKind.DialRequest, 2):
                    nonce = r.ReadFixed64(wire);
                    break;
                case (AutoNatMessageKind.DialDataResponse, 1):
                    dataLength = r.ReadBytes(wire).Length;
                    if (dataLength > MaxDialDataChunk)
                    {
                        throw new AutoNatFormatException(AutoNatError.TooLarge, "dial data chunk over 4096 bytes");
                    }

                    break;
                case (not AutoNatMessageKind.DialRequest and not AutoNatMessageKind.DialDataResponse, 1):
                    a = r.ReadUInt64(wire);
                    break;
                case (not AutoNatMessageKind.DialRequest and not AutoNatMessageKind.DialDataResponse, 2):
                    b = r.ReadUInt64(wire);
                    break;
                case (AutoNatMessageKind.DialResponse, 3):
                    c = r.ReadUInt64(wire);
                    break;
                default:
                    r.Skip(wire);
                    break;
            }
        }

        return kind switch
        {
            AutoNatMessageKind.DialRequest when addrs.Count == 0 =>
                throw new AutoNatFormatException(AutoNatError.MissingField, "dial request without addresses"),
            AutoNatMessageKind.DialRequest => new AutoNatMessage(kind) { Addresses = addrs, Nonce = nonce },
            AutoNatMessageKind.DialResponse => new AutoNatMessage(kind)
            {
                Status = (AutoNatResponseStatus)(int)Math.Min(a, int.MaxValue),
                AddressIndex = (uint)Math.Min(b, uint.MaxValue),
                DialStatus = (AutoNatDialStatus)(int)Math.Min(c, int.MaxValue),
            },
            AutoNatMessageKind.DialDataRequest => new AutoNatMessage(kind) { AddressIndex = (uint)Math.Min(a, uint.MaxValue), ByteCount = b },
            _ => new AutoNatMessage(kind) { DataLength = dataLength },
        };
    }

    private static Multiaddress? TryParse(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Multiaddress.FromBytes(bytes);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static void WriteNonZero(ProtobufWriter w, int field, ulong value)
    {
        if (value != 0)
        {
            w.WriteUInt64(field, value);
        }
    }
}
