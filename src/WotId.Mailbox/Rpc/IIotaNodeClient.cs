using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Rpc;

/// <summary>
/// The node operations the mailbox needs. JSON-RPC implements it today (<see cref="JsonRpcIotaClient"/>); IOTA is
/// moving full nodes to gRPC, which can implement the same interface later. Failures throw <see cref="IotaRpcException"/>.
/// </summary>
public interface IIotaNodeClient
{
    /// <summary><c>iotax_getReferenceGasPrice</c>.</summary>
    Task<ulong> GetReferenceGasPriceAsync(CancellationToken cancellationToken);

    /// <summary><c>iota_getObject</c> with type, owner, content; null when the object does not exist or was deleted.</summary>
    Task<IotaObject?> GetObjectAsync(IotaAddress id, CancellationToken cancellationToken);

    /// <summary><c>iota_multiGetObjects</c> (IDs must be distinct); null entries for missing objects.</summary>
    Task<IReadOnlyList<IotaObject?>> MultiGetObjectsAsync(IReadOnlyList<IotaAddress> ids, CancellationToken cancellationToken);

    /// <summary><c>iotax_getOwnedObjects</c> filtered by struct type (null for all).</summary>
    Task<IotaPage<IotaObject>> GetOwnedObjectsAsync(IotaAddress owner, string? structType, JsonElement? cursor, int limit, CancellationToken cancellationToken);

    /// <summary><c>iotax_getDynamicFields</c>.</summary>
    Task<IotaPage<DynamicFieldInfo>> GetDynamicFieldsAsync(IotaAddress parent, JsonElement? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// <c>iotax_getDynamicFieldObjectV2</c> (what the SDK's <c>getDynamicFieldObject</c> sends): the field object of
    /// <paramref name="parent"/> named by key type and JSON value; null when there is no such field.
    /// </summary>
    /// <param name="parent">The parent object's ID.</param>
    /// <param name="nameType">The key's Move type, for example <c>0x2::object::ID</c>.</param>
    /// <param name="nameValue">The key's value as JSON (for example an ID string).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object with type, owner, content and BCS, or null.</returns>
    Task<IotaObject?> GetDynamicFieldObjectAsync(IotaAddress parent, string nameType, JsonElement nameValue, CancellationToken cancellationToken);

    /// <summary><c>iotax_getCoins</c> of <c>0x2::iota::IOTA</c>.</summary>
    Task<IotaPage<CoinInfo>> GetCoinsAsync(IotaAddress owner, JsonElement? cursor, int limit, CancellationToken cancellationToken);

    /// <summary><c>iota_executeTransactionBlock</c> with effects, events and object changes.</summary>
    Task<ExecutionResult> ExecuteAsync(byte[] txBytes, IReadOnlyList<string> signatures, CancellationToken cancellationToken);

    /// <summary><c>iota_dryRunTransactionBlock</c>.</summary>
    Task<ExecutionResult> DryRunAsync(byte[] txBytes, CancellationToken cancellationToken);

    /// <summary><c>iota_getTransactionBlock</c> with effects; null when the node does not know the digest.</summary>
    Task<ExecutionResult?> GetTransactionAsync(string digest, CancellationToken cancellationToken);

    /// <summary><c>iotax_queryEvents</c> by Move event type.</summary>
    Task<IotaPage<IotaEvent>> QueryEventsAsync(string moveEventType, JsonElement? cursor, int limit, bool descending, CancellationToken cancellationToken);
}
