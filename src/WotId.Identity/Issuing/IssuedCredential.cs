namespace WotId.Identity.Issuing;

/// <summary>A credential just issued: its id, status index and compact vc+jwt.</summary>
public sealed class IssuedCredential
{
    internal IssuedCredential(string id, int statusIndex, string jws)
    {
        Id = id;
        StatusIndex = statusIndex;
        Jws = jws;
    }

    /// <summary>The credential id (<c>urn:uuid:…</c>).</summary>
    public string Id { get; }

    /// <summary>The index in the issuer's status list.</summary>
    public int StatusIndex { get; }

    /// <summary>The compact JWS (vc+jwt).</summary>
    public string Jws { get; }
}
