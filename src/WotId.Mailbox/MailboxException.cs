using System;
using System.IO;

namespace WotId.Mailbox;

/// <summary>A mailbox operation failed; <see cref="Error"/> says why. Messages never contain payloads or keys.</summary>
public sealed class MailboxException : IOException
{
    /// <summary>Creates the exception.</summary>
    public MailboxException(MailboxError error, string message, Exception? innerException = null)
        : base($"{error}: {message}", innerException)
    {
        Error = error;
    }

    /// <summary>Serialization-style constructor.</summary>
    public MailboxException()
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public MailboxException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception wrapping another.</summary>
    public MailboxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The error code.</summary>
    public MailboxError Error { get; }

    /// <summary>
    /// True for failures after which a send must stay queued and be retried: transport failures, and a mailbox host's
    /// rate limit or full quota (both clear with time or when the owner claims).
    /// </summary>
    public bool IsTransient => Error is MailboxError.NodeUnreachable or MailboxError.NodeError or MailboxError.MalformedResponse
        or MailboxError.RateLimited or MailboxError.QuotaExceeded;
}
