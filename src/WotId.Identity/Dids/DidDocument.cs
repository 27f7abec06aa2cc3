// DID Core 1.0 (W3C Rec 2022-07-19) §5: the subset wot.id uses — Multikey verification methods,
// the authentication / assertionMethod / keyAgreement relationships (by reference) and URI services.
using System;
using System.Collections.Generic;
using System.Linq;

namespace WotId.Identity.Dids;

/// <summary>A DID document. Relationship entries are absolute method ids that must exist in <see cref="VerificationMethods"/>.</summary>
public sealed partial class DidDocument
{
    /// <summary>The JSON-LD contexts written by <see cref="ToJson(bool)"/>.</summary>
    public static readonly IReadOnlyList<string> Contexts = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"];

    private readonly List<VerificationMethod> _methods;
    private readonly Dictionary<VerificationRelationship, List<string>> _relationships;
    private readonly List<DidService> _services;

    /// <summary>Creates a document; every relationship entry must name one of <paramref name="methods"/>.</summary>
    /// <exception cref="IdentityFormatException">Invalid DID, duplicate ids or dangling references.</exception>
    public DidDocument(
        string id,
        IEnumerable<VerificationMethod> methods,
        IEnumerable<string> authentication,
        IEnumerable<string> assertionMethod,
        IEnumerable<string> keyAgreement,
        IEnumerable<DidService> services)
    {
        DidSyntax.Require(id);
        Id = id;
        _methods = methods.ToList();
        _services = services.ToList();
        _relationships = new()
        {
            [VerificationRelationship.Authentication] = authentication.ToList(),
            [VerificationRelationship.AssertionMethod] = assertionMethod.ToList(),
            [VerificationRelationship.KeyAgreement] = keyAgreement.ToList(),
        };
        Validate();
    }

    /// <summary>The DID.</summary>
    public string Id { get; }

    /// <summary>Verification methods.</summary>
    public IReadOnlyList<VerificationMethod> VerificationMethods => _methods;

    /// <summary>Service entries.</summary>
    public IReadOnlyList<DidService> Services => _services;

    /// <summary>The method ids in a relationship.</summary>
    public IReadOnlyList<string> Relationship(VerificationRelationship relationship) => _relationships[relationship];

    /// <summary>The method with this absolute id (or <c>#fragment</c>), or null.</summary>
    public VerificationMethod? FindMethod(string idOrFragment)
    {
        string id = Absolute(idOrFragment);
        return _methods.FirstOrDefault(m => m.Id == id);
    }

    /// <summary>The method with this id if it is listed under <paramref name="relationship"/>, else null.</summary>
    public VerificationMethod? FindMethod(string idOrFragment, VerificationRelationship relationship)
    {
        string id = Absolute(idOrFragment);
        return _relationships[relationship].Contains(id) ? FindMethod(id) : null;
    }

    /// <summary>The first service of a type, or null.</summary>
    public DidService? FindService(string type) => _services.FirstOrDefault(s => s.Type == type);

    /// <summary>
    /// A copy of this document with <paramref name="service"/> in place of the service with the same id, or appended (e.g.
    /// an updated RevocationBitmap2022 service after a revocation).
    /// </summary>
    public DidDocument WithService(DidService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var services = _services.Select(s => s.Id == service.Id ? service : s).ToList();
        if (!services.Contains(service))
        {
            services.Add(service);
        }

        return new DidDocument(
            Id,
            _methods,
            _relationships[VerificationRelationship.Authentication],
            _relationships[VerificationRelationship.AssertionMethod],
            _relationships[VerificationRelationship.KeyAgreement],
            services);
    }

    private string Absolute(string idOrFragment) =>
        idOrFragment.StartsWith('#') ? Id + idOrFragment : idOrFragment;

    private void Validate()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (VerificationMethod m in _methods)
        {
            (string did, string? fragment) = DidSyntax.SplitUrl(m.Id);
            if (fragment is null || did != Id || !ids.Add(m.Id))
            {
                throw new IdentityFormatException(IdentityError.MalformedDidDocument, "verification method ids must be unique DID URLs of this DID");
            }
        }

        foreach (DidService s in _services)
        {
            if (!s.Id.StartsWith(Id + "#", StringComparison.Ordinal) || !ids.Add(s.Id))
            {
                throw new IdentityFormatException(IdentityError.MalformedDidDocument, "service ids must be unique DID URLs of this DID");
            }
        }

        foreach ((VerificationRelationship rel, List<string> refs) in _relationships)
        {
            for (int i = 0; i < refs.Count; i++)
            {
                refs[i] = Absolute(refs[i]);
                VerificationMethod? m = FindMethod(refs[i])
                    ?? throw new IdentityFormatException(IdentityError.MalformedDidDocument, $"{rel} references an unknown verification method");
                bool signing = KeyAlgorithms.IsSigning(m.PublicKey.Algorithm);
                if (signing == (rel == VerificationRelationship.KeyAgreement))
                {
                    throw new IdentityFormatException(IdentityError.MalformedDidDocument, $"{rel} lists a key of the wrong kind");
                }
            }
        }
    }
}
