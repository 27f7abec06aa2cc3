// Typed failure of the profile and its storage (house style: one exception per layer, derived from IOException,
// with a closed error enum). Messages never contain key material, passphrases or message bodies.
using System;
using System.IO;

namespace WotId.Node.Profile;

/// <summary>A profile operation failed; <see cref="Error"/> says why.</summary>
public sealed class ProfileException : IOException
{
    /// <summary>Creates the exception.</summary>
    public ProfileException()
        : this(ProfileError.Corrupt, "profile error")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ProfileException(string message)
        : this(ProfileError.Corrupt, message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public ProfileException(string message, Exception innerException)
        : this(ProfileError.Corrupt, message, innerException)
    {
    }

    /// <summary>Creates the exception with an error code and a message.</summary>
    public ProfileException(ProfileError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with an error code, a message and the cause.</summary>
    public ProfileException(ProfileError error, string message, Exception innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Why the operation failed.</summary>
    public ProfileError Error { get; }
}
