// IIotaObjectReader over the IOTA JSON-RPC client (WotId.Mailbox): iota_getChainIdentifier and iota_getObject
// with content, for did:iota resolution (WotId.Identity's IotaDidResolver). Identity does no I/O and does not
// reference Mailbox, so the node joins the two.
using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WotId.Identity.Dids.Iota;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Types;

namespace WotId.Node.IotaDids;

/// <summary>Reads Identity objects from an IOTA node over JSON-RPC.</summary>
public sealed class IotaRpcObjectReader : IIotaObjectReader, IDisposable
{
    private readonly JsonRpcIotaClient _client;

    /// <summary>Creates a reader for the node at <paramref name="endpoint"/>.</summary>
    public IotaRpcObjectReader(Uri endpoint, TimeSpan? timeout = null, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _client = new JsonRpcIotaClient(endpoint, timeout ?? TimeSpan.FromSeconds(15), logger: loggers?.CreateLogger<JsonRpcIotaClient>());
    }

    /// <summary>A did:iota resolver over the node at <paramref name="endpoint"/> (the reader lives as long as the process).</summary>
    public static IotaDidResolver CreateResolver(Uri endpoint, IotaDidResolverOptions? options = null, TimeProvider? time = null) =>
        new(new IotaRpcObjectReader(endpoint), options, time);

    /// <inheritdoc />
    public Task<string> GetChainIdentifierAsync(CancellationToken cancellationToken) =>
        _client.GetChainIdentifierAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<IotaObjectContent?> GetObjectAsync(string objectId, CancellationToken cancellationToken)
    {
        IotaObject? obj = await _client.GetObjectAsync(IotaAddress.Parse(objectId), cancellationToken).ConfigureAwait(false);
        return obj?.Type is string type && obj.Fields is { } fields ? new IotaObjectContent(type, fields) : null;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
