namespace WotId.Identity;

/// <summary>Why an identity decoder rejected its input (carried by <see cref="IdentityFormatException"/>).</summary>
public enum IdentityError
{
    /// <summary>Input larger than the decoder's bound.</summary>
    TooLarge = 1,

    /// <summary>Not well-formed JSON, or nesting deeper than allowed.</summary>
    MalformedJson,

    /// <summary>A required JSON member is missing or has the wrong JSON type.</summary>
    MissingOrWrongMember,

    /// <summary>Not a compact JWS (three base64url parts separated by dots).</summary>
    MalformedJws,

    /// <summary>The JWS <c>alg</c> is not one this implementation verifies.</summary>
    UnsupportedAlgorithm,

    /// <summary>The JWS header uses a feature that is refused (<c>crit</c>, unencoded payload, embedded keys).</summary>
    UnsupportedHeader,

    /// <summary>Not a syntactically valid DID or DID URL.</summary>
    MalformedDid,

    /// <summary>A <c>publicKeyMultibase</c>/did:key value that is not a multibase multicodec key.</summary>
    MalformedMultikey,

    /// <summary>A multicodec key prefix this implementation does not know.</summary>
    UnknownKeyType,

    /// <summary>A key whose length does not match its algorithm.</summary>
    WrongKeyLength,

    /// <summary>A JWK that is not a valid AKP key.</summary>
    MalformedJwk,

    /// <summary>A credential or presentation that violates the VC 2.0 data model rules checked here.</summary>
    MalformedCredential,

    /// <summary>A date that is not an XML Schema dateTimeStamp.</summary>
    MalformedDate,

    /// <summary>A DID document that violates DID Core rules checked here.</summary>
    MalformedDidDocument,

    /// <summary>A status list whose encoding, compression or length is invalid.</summary>
    MalformedStatusList,

    /// <summary>A key file that cannot be parsed.</summary>
    MalformedKeyFile,

    /// <summary>Packed on-chain did:iota document bytes that are not <c>DID</c> ‖ version 1 ‖ JSON encoding ‖ length ‖ JSON.</summary>
    MalformedPackedDocument,
}
