using System;
using System.IO;

namespace WotId.Libp2p.Multistream;

/// <summary>multistream-select negotiation failed.</summary>
public sealed class MultistreamException : IOException
{
    /// <summary>Creates the exception.</summary>
    public MultistreamException(MultistreamError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with <see cref="MultistreamError.UnexpectedResponse"/>.</summary>
    public MultistreamException()
        : this(MultistreamError.UnexpectedResponse, "multistream-select failed")
    {
    }

    /// <summary>Creates the exception with <see cref="MultistreamError.UnexpectedResponse"/>.</summary>
    public MultistreamException(string message)
        : this(MultistreamError.UnexpectedResponse, message)
    {
    }

    /// <summary>Creates the exception with <see cref="MultistreamError.UnexpectedResponse"/>.</summary>
    public MultistreamException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = MultistreamError.UnexpectedResponse;
    }

    /// <summary>What went wrong.</summary>
    public MultistreamError Error { get; }
}
