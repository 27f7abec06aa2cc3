// DID documents of trusted issuers kept in the profile (`wotid trust add ISSUER_DID --did-document FILE`), one row
// `issuer_document:<did>` of the profile table each, so the node's handshake resolves those issuers offline (a stored
// document wins over method resolution, DidResolver.Add). The caller checks the document; removing the issuer from
// the trust list removes its document.
using System;
using System.Collections.Generic;
using System.Text;
using WotId.Node.Storage;

namespace WotId.Node.Profile;

public sealed partial class Profile
{
    private const string IssuerDocumentPrefix = "issuer_document:";

    /// <summary>Keeps <paramref name="documentJson"/> as the DID document of the trusted issuer <paramref name="did"/>, replacing any earlier one.</summary>
    /// <exception cref="ProfileException">The DID or document is empty or too long (<see cref="ProfileError.InvalidInput"/>).</exception>
    public void SetIssuerDocument(string did, string documentJson)
    {
        ArgumentNullException.ThrowIfNull(documentJson);
        if (string.IsNullOrEmpty(did) || did.Length > ContactStore.MaxIdLength || !did.StartsWith("did:", StringComparison.Ordinal))
        {
            throw new ProfileException(ProfileError.InvalidInput, "issuer must be a DID of at most 4096 characters");
        }

        byte[] value = Encoding.UTF8.GetBytes(documentJson);
        if (value.Length == 0 || value.Length > ProfileValues.MaxTextBytes)
        {
            throw new ProfileException(ProfileError.InvalidInput, "the DID document must be 1 to 65,536 bytes");
        }

        _db.Write((c, t) => ProfileValues.Set(c, t, IssuerDocumentPrefix + did, value));
    }

    /// <summary>The stored DID documents of trusted issuers (JSON text), by issuer DID.</summary>
    public IReadOnlyDictionary<string, string> GetIssuerDocuments() => _db.Read(c =>
    {
        using Microsoft.Data.Sqlite.SqliteCommand cmd = ProfileDatabase.Command(
            c, null, "SELECT key, value FROM profile WHERE substr(key, 1, 16) = 'issuer_document:' ORDER BY key");
        using Microsoft.Data.Sqlite.SqliteDataReader r = cmd.ExecuteReader();
        var documents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (r.Read())
        {
            if (r.GetValue(1) is not byte[] value || value.Length > ProfileValues.MaxTextBytes)
            {
                throw new ProfileException(ProfileError.Corrupt, "a stored issuer document has the wrong type or size");
            }

            documents[r.GetString(0)[IssuerDocumentPrefix.Length..]] = Encoding.UTF8.GetString(value);
        }

        return documents;
    });
}
