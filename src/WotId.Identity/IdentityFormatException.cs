using System;

namespace WotId.Identity;

/// <summary>
/// The one exception every identity decoder throws on bad input (DIDs, Multikeys, JWS, JWK, credentials,
/// status lists, key files). Messages never contain key material.
/// </summary>
public sealed class IdentityFormatException : FormatException
{
    /// <summary>Creates the exception with its error code.</summary>
    public IdentityFormatException(IdentityError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with its error code and the cause.</summary>
    public IdentityFormatException(IdentityError error, string message, Exception innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates an exception with <see cref="IdentityError.MalformedJson"/>.</summary>
    public IdentityFormatException()
        : this(IdentityError.MalformedJson, "malformed identity input")
    {
    }

    /// <summary>Creates an exception with <see cref="IdentityError.MalformedJson"/>.</summary>
    public IdentityFormatException(string message)
        : this(IdentityError.MalformedJson, message)
    {
    }

    /// <summary>Creates an exception with <see cref="IdentityError.MalformedJson"/>.</summary>
    public IdentityFormatException(string message, Exception innerException)
        : this(IdentityError.MalformedJson, message, innerException)
    {
    }

    /// <summary>The error code.</summary>
    public IdentityError Error { get; }
}
