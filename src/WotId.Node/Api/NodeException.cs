// The exception of the node facade. Messages never contain secrets.
using System;

namespace WotId.Node.Api;

/// <summary>A node operation failed for <see cref="Error"/>.</summary>
public sealed class NodeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NodeException(NodeError error, string message, Exception? innerException = null)
        : base(message, innerException) => Error = error;

    /// <summary>Creates an exception with a generic message.</summary>
    public NodeException()
        : this(NodeError.Failed, "node operation failed")
    {
    }

    /// <summary>Creates an exception with <see cref="NodeError.Failed"/>.</summary>
    public NodeException(string message)
        : this(NodeError.Failed, message)
    {
    }

    /// <summary>Creates an exception with <see cref="NodeError.Failed"/>.</summary>
    public NodeException(string message, Exception innerException)
        : this(NodeError.Failed, message, innerException)
    {
    }

    /// <summary>Why it failed.</summary>
    public NodeError Error { get; }
}
