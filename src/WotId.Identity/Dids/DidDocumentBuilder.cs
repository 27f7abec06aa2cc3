// Builds a wot.id holder DID document (DID Core 1.0 §5.3 verification relationships, Multikey): post-quantum signing keys under
// authentication and assertionMethod, key-agreement keys under keyAgreement, and services for the
// holder's libp2p peer id and mailbox id.
using System;
using System.Collections.Generic;

namespace WotId.Identity.Dids;

/// <summary>Fluent builder of <see cref="DidDocument"/>.</summary>
public sealed class DidDocumentBuilder
{
    private readonly string _did;
    private readonly List<VerificationMethod> _methods = new();
    private readonly List<string> _authentication = new();
    private readonly List<string> _assertion = new();
    private readonly List<string> _keyAgreement = new();
    private readonly List<DidService> _services = new();

    /// <summary>Starts a document for <paramref name="did"/>.</summary>
    /// <exception cref="IdentityFormatException">Not a DID.</exception>
    public DidDocumentBuilder(string did)
    {
        DidSyntax.Require(did);
        _did = did;
    }

    /// <summary>Adds a signing key (authentication and assertionMethod) under <c>#fragment</c>.</summary>
    public DidDocumentBuilder AddSigningKey(string fragment, DidPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!KeyAlgorithms.IsSigning(key.Algorithm))
        {
            throw new ArgumentException("not a signing key", nameof(key));
        }

        string id = Add(fragment, key);
        _authentication.Add(id);
        _assertion.Add(id);
        return this;
    }

    /// <summary>Adds a key-agreement key under <c>#fragment</c>.</summary>
    public DidDocumentBuilder AddKeyAgreementKey(string fragment, DidPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (KeyAlgorithms.IsSigning(key.Algorithm))
        {
            throw new ArgumentException("not a key-agreement key", nameof(key));
        }

        _keyAgreement.Add(Add(fragment, key));
        return this;
    }

    /// <summary>Adds the <see cref="DidService.Libp2pPeerType"/> service (<c>#libp2p</c>).</summary>
    public DidDocumentBuilder AddLibp2pPeer(string peerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(peerId);
        _services.Add(new DidService(_did + "#libp2p", DidService.Libp2pPeerType, "p2p:" + peerId));
        return this;
    }

    /// <summary>Adds the <see cref="DidService.MailboxType"/> service (<c>#mailbox</c>).</summary>
    public DidDocumentBuilder AddMailbox(string mailboxId)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailboxId);
        _services.Add(new DidService(_did + "#mailbox", DidService.MailboxType, "wotid-mailbox:" + mailboxId));
        return this;
    }

    /// <summary>Builds and validates the document.</summary>
    public DidDocument Build() => new(_did, _methods, _authentication, _assertion, _keyAgreement, _services);

    private string Add(string fragment, DidPublicKey key)
    {
        ArgumentException.ThrowIfNullOrEmpty(fragment);
        string id = _did + "#" + fragment.TrimStart('#');
        _methods.Add(new VerificationMethod(id, _did, key));
        return id;
    }
}
