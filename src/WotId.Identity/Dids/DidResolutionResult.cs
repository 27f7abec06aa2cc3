namespace WotId.Identity.Dids;

/// <summary>The outcome of resolving a DID: a document, or an error code with a message.</summary>
public sealed class DidResolutionResult
{
    private DidResolutionResult(DidDocument? document, DidResolutionError error, string message)
    {
        Document = document;
        Error = error;
        Message = message;
    }

    /// <summary>The document when <see cref="Error"/> is <see cref="DidResolutionError.None"/>.</summary>
    public DidDocument? Document { get; }

    /// <summary>The error code.</summary>
    public DidResolutionError Error { get; }

    /// <summary>A human-readable explanation (empty on success).</summary>
    public string Message { get; }

    /// <summary>A successful result.</summary>
    public static DidResolutionResult Success(DidDocument document) => new(document, DidResolutionError.None, string.Empty);

    /// <summary>A failed result.</summary>
    public static DidResolutionResult Failure(DidResolutionError error, string message) => new(null, error, message);
}
