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

    /// <summary><c>methodNotSupported</c>: this resolver cannot resolve the method (did:iota and did:web: not implemented yet).</summary>
    MethodNotSupported,
}
