using System;

namespace WotId.Identity.Dids;

/// <summary>A DID document verification method of type <c>Multikey</c> (Controlled Identifiers v1.0 §2.2.2).</summary>
public sealed class VerificationMethod
{
    /// <summary>Creates the method.</summary>
    public VerificationMethod(string id, string controller, DidPublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(publicKey);
        Id = id;
        Controller = controller;
        PublicKey = publicKey;
    }

    /// <summary>The absolute DID URL of the method (<c>did…#fragment</c>).</summary>
    public string Id { get; }

    /// <summary>The verification method type written and accepted: <c>Multikey</c>.</summary>
    public const string Type = "Multikey";

    /// <summary>The controller DID.</summary>
    public string Controller { get; }

    /// <summary>The decoded key.</summary>
    public DidPublicKey PublicKey { get; }
}
