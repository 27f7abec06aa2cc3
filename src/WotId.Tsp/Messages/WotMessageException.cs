// wot.id message envelope validation: the only exception the parser throws.
using System;

namespace WotId.Tsp.Messages;

/// <summary>A wot.id message is malformed or fails its schema. The message names the JSON path.</summary>
public sealed class WotMessageException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public WotMessageException(WotMessageError error, string path, string detail, Exception? innerException = null)
        : base($"{error} at {path}: {detail}", innerException)
    {
        Error = error;
        Path = path;
    }

    /// <summary>Creates the exception (for analyzers; prefer the error-code constructor).</summary>
    public WotMessageException()
        : this(WotMessageError.NotJson, "$", "malformed message")
    {
    }

    /// <summary>Creates the exception (for analyzers; prefer the error-code constructor).</summary>
    public WotMessageException(string message)
        : this(WotMessageError.NotJson, "$", message)
    {
    }

    /// <summary>Creates the exception (for analyzers; prefer the error-code constructor).</summary>
    public WotMessageException(string message, Exception innerException)
        : this(WotMessageError.NotJson, "$", message, innerException)
    {
    }

    /// <summary>The reason.</summary>
    public WotMessageError Error { get; }

    /// <summary>JSON path of the offending member, e.g. <c>$.payload.trust_level</c>.</summary>
    public string Path { get; } = "$";
}
