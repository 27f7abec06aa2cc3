// The two IOTA node reads did:iota resolution needs (IOTA JSON-RPC: iota_getChainIdentifier and iota_getObject
// with showContent). Identity does no I/O; the node implements this over its JSON-RPC client.
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Identity.Dids.Iota;

/// <summary>Reads objects from an IOTA node. Transport failures throw (an <see cref="System.IO.IOException"/> or <see cref="System.Net.Http.HttpRequestException"/>).</summary>
public interface IIotaObjectReader
{
    /// <summary><c>iota_getChainIdentifier</c>: the chain's 8-hex-digit identifier.</summary>
    Task<string> GetChainIdentifierAsync(CancellationToken cancellationToken);

    /// <summary><c>iota_getObject</c> with content: the object's Move type and <c>content.fields</c>, or null when it does not exist.</summary>
    Task<IotaObjectContent?> GetObjectAsync(string objectId, CancellationToken cancellationToken);
}
