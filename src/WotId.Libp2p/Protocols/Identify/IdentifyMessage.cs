// libp2p/specs identify/README.md, "The Identify Message" (proto2): publicKey=1, listenAddrs=2, protocols=3,
// observedAddr=4, protocolVersion=5, agentVersion=6, signedPeerRecord=8. Several messages merge protobuf-style.
using System;
using System.Collections.Generic;
using WotId.Core.Protobuf;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Protocols.Identify;

/// <summary>An identify (or identify/push) message. Absent fields are null or empty.</summary>
public sealed class IdentifyMessage
{
    /// <summary>e.g. "ipfs/0.1.0".</summary>
    public string? ProtocolVersion { get; set; }

    /// <summary>Software name and version.</summary>
    public string? AgentVersion { get; set; }

    /// <summary>The sender's <c>PublicKey</c> protobuf.</summary>
    public byte[]? PublicKey { get; set; }

    /// <summary>Binary multiaddrs the sender listens on (without <c>/p2p</c>).</summary>
    public List<byte[]> ListenAddrs { get; } = new();

    /// <summary>The receiver's address as the sender sees it (binary multiaddr).</summary>
    public byte[]? ObservedAddr { get; set; }

    /// <summary>Protocol ids the sender accepts inbound.</summary>
    public List<string> Protocols { get; } = new();

    /// <summary>A signed envelope holding a peer record.</summary>
    public byte[]? SignedPeerRecord { get; set; }

    /// <summary>The listen addresses that decode as multiaddrs (invalid ones are skipped).</summary>
    public IReadOnlyList<Multiaddress> ParsedListenAddrs()
    {
        var list = new List<Multiaddress>();
        foreach (byte[] a in ListenAddrs)
        {
            try
            {
                list.Add(Multiaddress.FromBytes(a));
            }
            catch (FormatException)
            {
                // Skip addresses we cannot read (other transports, garbage).
            }
        }

        return list;
    }

    /// <summary>The observed address, or null when absent or unreadable.</summary>
    public Multiaddress? ParsedObservedAddr()
    {
        if (ObservedAddr is null)
        {
            return null;
        }

        try
        {
            return Multiaddress.FromBytes(ObservedAddr);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Encodes the message (fields in number order).</summary>
    public byte[] Encode()
    {
        var w = new ProtobufWriter(256);
        if (PublicKey is not null)
        {
            w.WriteBytes(1, PublicKey);
        }

        foreach (byte[] a in ListenAddrs)
        {
            w.WriteBytes(2, a);
        }

        foreach (string p in Protocols)
        {
            w.WriteString(3, p);
        }

        if (ObservedAddr is not null)
        {
            w.WriteBytes(4, ObservedAddr);
        }

        if (ProtocolVersion is not null)
        {
            w.WriteString(5, ProtocolVersion);
        }

        if (AgentVersion is not null)
        {
            w.WriteString(6, AgentVersion);
        }

        if (SignedPeerRecord is not null)
        {
            w.WriteBytes(8, SignedPeerRecord);
        }

        return w.ToArray();
    }

    /// <summary>Decodes one message; unknown fields are skipped.</summary>
    /// <exception cref="IdentifyFormatException">Malformed protobuf.</exception>
    public static IdentifyMessage Decode(ReadOnlySpan<byte> data)
    {
        var m = new IdentifyMessage();
        m.MergeFrom(data);
        return m;
    }

    /// <summary>Merges another encoded message into this one: repeated fields append, scalars overwrite.</summary>
    /// <exception cref="IdentifyFormatException">Malformed protobuf.</exception>
    public void MergeFrom(ReadOnlySpan<byte> data)
    {
        try
        {
            var r = new ProtobufReader(data);
            while (r.TryReadTag(out int field, out WireType wire))
            {
                switch (field)
                {
                    case 1: PublicKey = r.ReadBytes(wire).ToArray(); break;
                    case 2: ListenAddrs.Add(r.ReadBytes(wire).ToArray()); break;
                    case 3: Protocols.Add(r.ReadString(wire)); break;
                    case 4: ObservedAddr = r.ReadBytes(wire).ToArray(); break;
                    case 5: ProtocolVersion = r.ReadString(wire); break;
                    case 6: AgentVersion = r.ReadString(wire); break;
                    case 8: SignedPeerRecord = r.ReadBytes(wire).ToArray(); break;
                    default: r.Skip(wire); break;
                }
            }
        }
        catch (ProtobufException e)
        {
            throw IdentifyProtobuf.Malformed(e);
        }
    }
}
