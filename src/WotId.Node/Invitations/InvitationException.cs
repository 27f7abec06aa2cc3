using System;

namespace WotId.Node.Invitations;

/// <summary>
/// The one exception the invitation decoder and verifier throw on bad input. Messages name the field and the
/// bound, never key material or the invitation's bytes.
/// </summary>
public sealed class InvitationException : FormatException
{
    /// <summary>Creates the exception with its error code.</summary>
    public InvitationException(InvitationError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with its error code and the cause.</summary>
    public InvitationException(InvitationError error, string message, Exception innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates an exception with <see cref="InvitationError.MalformedEncoding"/>.</summary>
    public InvitationException()
        : this(InvitationError.MalformedEncoding, "malformed invitation")
    {
    }

    /// <summary>Creates an exception with <see cref="InvitationError.MalformedEncoding"/>.</summary>
    public InvitationException(string message)
        : this(InvitationError.MalformedEncoding, message)
    {
    }

    /// <summary>Creates an exception with <see cref="InvitationError.MalformedEncoding"/>.</summary>
    public InvitationException(string message, Exception innerException)
        : this(InvitationError.MalformedEncoding, message, innerException)
    {
    }

    /// <summary>The error code.</summary>
    public InvitationError Error { get; }
}
