// DID Resolution v0.3 §4: dispatch by method. did:key is built in; documents learnt out of band (e.g. a
// peer's DID document received over a connection, or a DID document file) can be added; did:iota resolves
// once an IotaDidResolver is registered for "iota" (it needs an IOTA node), otherwise methodNotSupported says
// how to configure one; did:web is not implemented.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Identity.Dids;

/// <summary>The default resolver: did:key, known documents, and method-specific resolvers registered later.</summary>
public sealed class DidResolver : IDidResolver
{
    private readonly DidKeyResolver _didKey;
    private readonly ConcurrentDictionary<string, DidDocument> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IDidResolver> _methods = new(StringComparer.Ordinal);

    /// <summary>Creates the resolver.</summary>
    public DidResolver(bool allowExperimentalFalcon = false)
    {
        _didKey = new DidKeyResolver(allowExperimentalFalcon);
    }

    /// <summary>Registers a resolver for a method name (e.g. <c>iota</c>) once one exists.</summary>
    public void Register(string method, IDidResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _methods[method] = resolver;
    }

    /// <summary>Adds a document known out of band; it wins over method resolution.</summary>
    public void Add(DidDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _known[document.Id] = document;
    }

    /// <inheritdoc />
    public ValueTask<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken)
    {
        if (!DidSyntax.IsDid(did))
        {
            return ValueTask.FromResult(DidResolutionResult.Failure(DidResolutionError.InvalidDid, "not a valid DID"));
        }

        if (_known.TryGetValue(did, out DidDocument? doc))
        {
            return ValueTask.FromResult(DidResolutionResult.Success(doc));
        }

        string method = DidSyntax.Method(did);
        if (method == "key")
        {
            return _didKey.ResolveAsync(did, cancellationToken);
        }

        if (_methods.TryGetValue(method, out IDidResolver? resolver))
        {
            return resolver.ResolveAsync(did, cancellationToken);
        }

        string message = method switch
        {
            "iota" => "did:iota needs an IOTA node (--iota-rpc URL) or the DID document (--did-document FILE)",
            "web" => "did:web resolution is not implemented yet",
            _ => $"did:{method} is not supported",
        };
        return ValueTask.FromResult(DidResolutionResult.Failure(DidResolutionError.MethodNotSupported, message));
    }
}
