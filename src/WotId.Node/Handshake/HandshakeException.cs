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

    /// <summary>
    /// True when this node's verifier refused the peer's credential itself (revoked, expired or past the policy's age,
    /// not yet valid, from an issuer not trusted here, or not a VerifiedHuman credential): a verdict on the
    /// credential that a retry cannot change. False for everything else, among them failures that share a reason with
    /// these but are about the presentation or the message (a presentation too old or from the future, a TSP
    /// timestamp ahead of the clock), an issuer DID that could not be resolved, and an unavailable status list.
    /// </summary>
    internal bool CredentialRefused { get; init; }
}
