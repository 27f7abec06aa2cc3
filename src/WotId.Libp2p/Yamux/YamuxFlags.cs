// Yamux frame flags: libp2p/specs yamux/README.md and hashicorp/yamux spec.md, "Flag field".
using System;
using System.Diagnostics.CodeAnalysis;

namespace WotId.Libp2p.Yamux;

/// <summary>The flags of a Yamux frame header.</summary>
[Flags]
[SuppressMessage("Naming", "CA1711", Justification = "The spec calls this header field \"flags\".")]
internal enum YamuxFlags : ushort
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Opens a stream, or marks a ping request.</summary>
    Syn = 0x1,

    /// <summary>Acknowledges a stream, or marks a ping response.</summary>
    Ack = 0x2,

    /// <summary>Half-closes the sender's direction of a stream.</summary>
    Fin = 0x4,

    /// <summary>Resets (aborts) a stream in both directions.</summary>
    Rst = 0x8,
}
