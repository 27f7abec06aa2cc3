using System;
using System.IO;

namespace WotId.Node.Handshake;

/// <summary>A failed handshake: the reason, whether the peer reported it, and a detail without secrets.</summary>
public sealed class HandshakeException : IOException
{
    /// <summary>Creates the exception.</summary>
    public HandshakeException(HandshakeFailureReason reason, bool reportedByPeer, string detail, Exception? innerException = null)
        : base($"handshake failed: {HandshakeReasons.ToToken(reason)}{(reportedByPeer ? " (reported by the peer)" : string.Empty)}: {detail}", innerException)
    {
        Reason = reason;
        ReportedByPeer = reportedByPeer;
        Detail = detail;
    }

    /// <summary>Creates an exception without a reason (required by the exception pattern; prefer the full constructor).</summary>
    public HandshakeException()
        : this(HandshakeFailureReason.MalformedMessage, false, "unspecified")
    {
    }

    /// <summary>Creates an exception with a message (required by the exception pattern; prefer the full constructor).</summary>
    public HandshakeException(string message)
        : this(HandshakeFailureReason.MalformedMessage, false, message)
    {
    }

    /// <summary>Creates an exception with a message and an inner exception (prefer the full constructor).</summary>
    public HandshakeException(string message, Exception innerException)
        : this(HandshakeFailureReason.MalformedMessage, false, message, innerException)
    {
    }

    /// <summary>Why the handshake failed.</summary>
    public HandshakeFailureReason Reason { get; }

    /// <summary>True when the peer found the problem and sent it as a signed error; false when this node found it.</summary>
    public bool ReportedByPeer { get; }

    /// <summary>What exactly failed (no key material, no presentation text).</summary>
    public string Detail { get; }
}
