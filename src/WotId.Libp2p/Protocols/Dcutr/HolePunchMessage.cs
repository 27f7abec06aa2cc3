// libp2p/specs relay/DCUtR.md, "Protobuf": HolePunch { required Type type = 1; repeated bytes ObsAddrs = 2; } on
// /libp2p/dcutr, uvarint length-prefixed, at most 4 KiB (go p2p/protocol/holepunch maxMsgSize). Failures are
// RelayFormatException: DCUtR is part of the relay specification.
using System;
using System.Collections.Generic;
using WotId.Core.Protobuf;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Protocols.Relay;

namespace WotId.Libp2p.Protocols.Dcutr;

/// <summary>A DCUtR message.</summary>
/// <param name="Type">CONNECT or SYNC.</param>
/// <param name="ObservedAddresses">The sender's observed or predicted addresses (CONNECT); unreadable ones are dropped when reading.</param>
public sealed record HolePunchMessage(HolePunchType Type, IReadOnlyList<Multiaddress> ObservedAddresses)
{
    /// <summary>Largest message accepted or sent.</summary>
    public const int MaxMessageSize = 4096;

    /// <summary>Encodes the message (without the length prefix).</summary>
    /// <exception cref="RelayFormatException">The encoding exceeds 4 KiB.</exception>
    public byte[] Encode()
    {
        var w = new ProtobufWriter(64);
        w.WriteUInt64(1, (ulong)Type);
        foreach (Multiaddress a in ObservedAddresses)
        {
            w.WriteBytes(2, a.ToBytes());
        }

        if (w.Length > MaxMessageSize)
        {
            throw new RelayFormatException(RelayError.TooLarge, "DCUtR message exceeds 4 KiB");
        }

        return w.ToArray();
    }

    /// <summary>Decodes a message (without the length prefix).</summary>
    /// <exception cref="RelayFormatException">Malformed, too large, without type, or of an unknown type.</exception>
    public static HolePunchMessage Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length > MaxMessageSize)
        {
            throw new RelayFormatException(RelayError.TooLarge, "DCUtR message exceeds 4 KiB");
        }

        ulong? type = null;
        var addrs = new List<Multiaddress>();
        try
        {
            var r = new ProtobufReader(encoded);
            while (r.TryReadTag(out int field, out WireType wire))
            {
                switch (field)
                {
                    case 1:
                        type = r.ReadUInt64(wire);
                        break;
                    case 2:
                        ReadOnlySpan<byte> bytes = r.ReadBytes(wire);
                        try
                        {
                            addrs.Add(Multiaddress.FromBytes(bytes));
                        }
                        catch (FormatException)
                        {
                            // Unreadable address: ignored, as go does.
                        }

                        break;
                    default:
                        r.Skip(wire);
                        break;
                }
            }
        }
        catch (ProtobufException e)
        {
            throw new RelayFormatException(RelayError.MalformedProtobuf, "malformed DCUtR protobuf: " + e.Message);
        }

        return type switch
        {
            null => throw new RelayFormatException(RelayError.MissingField, "DCUtR message without type"),
            (ulong)HolePunchType.Connect or (ulong)HolePunchType.Sync => new HolePunchMessage((HolePunchType)type.Value, addrs),
            _ => throw new RelayFormatException(RelayError.UnexpectedMessage, "unknown DCUtR message type " + type),
        };
    }
}
