namespace WotId.Identity.Dids;

/// <summary>DID Resolution v0.3 §7.1 error codes, as results (not exceptions).</summary>
public enum DidResolutionError
{
    /// <summary>Resolved.</summary>
    None = 0,

    /// <summary><c>invalidDid</c>: not a valid DID for its method.</summary>
    InvalidDid,

    /// <summary><c>notFound</c>: the DID does not exist.</summary>
    NotFound,

    /// <summary><c>methodNotSupported</c>: this resolver cannot resolve the method (did:web: not implemented yet).</summary>
    MethodNotSupported,

    /// <summary>The DID exists but is deactivated (DID Resolution v0.3 §7.1 <c>deactivated</c> metadata); its keys verify nothing.</summary>
    Deactivated,

    /// <summary><c>invalidDidDocument</c>: the method's data exists but is not a document this implementation reads.</summary>
    InvalidDidDocument,

    /// <summary><c>internalError</c>: the source of truth could not be asked (node unreachable, malformed answer).</summary>
    InternalError,
}
