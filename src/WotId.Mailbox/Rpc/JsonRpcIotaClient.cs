// JSON-RPC 2.0 over HTTP POST to an IOTA full node or indexer (note C.4). Transport failures become
// IotaRpcException with Unreachable / Timeout / HttpStatus; JSON-RPC error objects become RpcError with the code.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Rpc;

/// <summary>The JSON-RPC implementation of <see cref="IIotaNodeClient"/>.</summary>
public sealed class JsonRpcIotaClient : IIotaNodeClient, IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _endpoint;
    private readonly string _host;
    private readonly ILogger _logger;
    private long _nextId;

    /// <summary>Creates a client for <paramref name="endpoint"/> (for example <c>https://api.testnet.iota.cafe</c>).</summary>
    /// <param name="endpoint">The node's JSON-RPC URL.</param>
    /// <param name="timeout">Per-request timeout (default 30 s).</param>
    /// <param name="http">An HttpClient to use (the caller keeps owning it).</param>
    /// <param name="logger">Logs calls (Debug) and failures; only the host is logged, never the path or query.</param>
    public JsonRpcIotaClient(Uri endpoint, TimeSpan? timeout = null, HttpClient? http = null, ILogger<JsonRpcIotaClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
        _host = endpoint.Host + ":" + endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient();
        _http.Timeout = timeout ?? TimeSpan.FromSeconds(30);
    }

    /// <inheritdoc />
    public async Task<ulong> GetReferenceGasPriceAsync(CancellationToken cancellationToken) =>
        RpcResponseParser.ParseU64(await CallAsync(RpcRequests.ReferenceGasPrice(), cancellationToken).ConfigureAwait(false), "reference gas price");

    /// <summary><c>iota_getChainIdentifier</c>: the chain's identifier (8 hex digits; mainnet is <c>6364aad5</c>).</summary>
    public async Task<string> GetChainIdentifierAsync(CancellationToken cancellationToken)
    {
        JsonElement r = await CallAsync(RpcRequests.ChainIdentifier(), cancellationToken).ConfigureAwait(false);
        return r.ValueKind == JsonValueKind.String && r.GetString() is { Length: > 0 and <= 64 } id
            ? id
            : throw RpcResponseParser.Malformed("chain identifier is not a string");
    }

    /// <inheritdoc />
    public async Task<IotaObject?> GetObjectAsync(IotaAddress id, CancellationToken cancellationToken) =>
        RpcResponseParser.ParseObjectResponse(await CallAsync(RpcRequests.GetObject(id), cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<IotaObject?>> MultiGetObjectsAsync(IReadOnlyList<IotaAddress> ids, CancellationToken cancellationToken)
    {
        JsonElement r = await CallAsync(RpcRequests.MultiGetObjects(ids), cancellationToken).ConfigureAwait(false);
        if (r.ValueKind != JsonValueKind.Array)
        {
            throw RpcResponseParser.Malformed("multiGetObjects result is not an array");
        }

        var list = new List<IotaObject?>();
        foreach (JsonElement e in r.EnumerateArray())
        {
            list.Add(RpcResponseParser.ParseObjectResponse(e));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<IotaPage<IotaObject>> GetOwnedObjectsAsync(IotaAddress owner, string? structType, JsonElement? cursor, int limit, CancellationToken cancellationToken) =>
        RpcResponseParser.ParsePage(await CallAsync(RpcRequests.GetOwnedObjects(owner, structType, cursor, limit), cancellationToken).ConfigureAwait(false),
            e => RpcResponseParser.ParseObjectResponse(e) ?? throw RpcResponseParser.Malformed("owned object entry without data"));

    /// <inheritdoc />
    public async Task<IotaPage<DynamicFieldInfo>> GetDynamicFieldsAsync(IotaAddress parent, JsonElement? cursor, int limit, CancellationToken cancellationToken) =>
        RpcResponseParser.ParsePage(await CallAsync(RpcRequests.GetDynamicFields(parent, cursor, limit), cancellationToken).ConfigureAwait(false), RpcResponseParser.ParseDynamicField);

    /// <inheritdoc />
    public async Task<IotaObject?> GetDynamicFieldObjectAsync(IotaAddress parent, string nameType, JsonElement nameValue, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameType);
        return RpcResponseParser.ParseObjectResponse(
            await CallAsync(RpcRequests.GetDynamicFieldObject(parent, nameType, nameValue), cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<IotaPage<CoinInfo>> GetCoinsAsync(IotaAddress owner, JsonElement? cursor, int limit, CancellationToken cancellationToken) =>
        RpcResponseParser.ParsePage(await CallAsync(RpcRequests.GetCoins(owner, cursor, limit), cancellationToken).ConfigureAwait(false), RpcResponseParser.ParseCoin);

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(byte[] txBytes, IReadOnlyList<string> signatures, CancellationToken cancellationToken) =>
        RpcResponseParser.ParseExecution(await CallAsync(RpcRequests.Execute(txBytes, signatures), cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<ExecutionResult> DryRunAsync(byte[] txBytes, CancellationToken cancellationToken) =>
        RpcResponseParser.ParseExecution(await CallAsync(RpcRequests.DryRun(txBytes), cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<ExecutionResult?> GetTransactionAsync(string digest, CancellationToken cancellationToken)
    {
        try
        {
            return RpcResponseParser.ParseExecution(await CallAsync(RpcRequests.GetTransaction(digest), cancellationToken).ConfigureAwait(false));
        }
        catch (IotaRpcException ex) when (ex.Error == IotaRpcError.RpcError)
        {
            return null; // "Could not find the referenced transaction"
        }
    }

    /// <inheritdoc />
    public async Task<IotaPage<IotaEvent>> QueryEventsAsync(string moveEventType, JsonElement? cursor, int limit, bool descending, CancellationToken cancellationToken) =>
        RpcResponseParser.ParsePage(await CallAsync(RpcRequests.QueryEvents(moveEventType, cursor, limit, descending), cancellationToken).ConfigureAwait(false), RpcResponseParser.ParseEvent);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<JsonElement> CallAsync((string Method, JsonArray Params) call, CancellationToken cancellationToken)
    {
        MailboxLog.RpcCall(_logger, call.Method, _host);
        try
        {
            return await SendAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (IotaRpcException ex)
        {
            MailboxLog.RpcFailed(_logger, call.Method, _host, ex.Error == IotaRpcError.RpcError ? $"{ex.Error} {ex.RpcCode}" : ex.Error.ToString());
            throw;
        }
    }

    private async Task<JsonElement> SendAsync((string Method, JsonArray Params) call, CancellationToken cancellationToken)
    {
        JsonObject body = RpcRequests.Envelope(Interlocked.Increment(ref _nextId), call.Method, call.Params);
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = content };
        request.Headers.Add("Client-Sdk-Type", "wotid-csharp");
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new IotaRpcException(IotaRpcError.Unreachable, $"{call.Method}: cannot reach {_endpoint.GetLeftPart(UriPartial.Authority)} ({Reason(ex)})", null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IotaRpcException(IotaRpcError.Timeout, $"{call.Method}: no answer from {_endpoint.GetLeftPart(UriPartial.Authority)} within {_http.Timeout}", null, ex);
        }

        using (response)
        {
            byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new IotaRpcException(IotaRpcError.HttpStatus, $"{call.Method}: HTTP {(int)response.StatusCode} from {_endpoint.GetLeftPart(UriPartial.Authority)}");
            }

            return RpcResponseParser.ParseEnvelope(bytes).Clone();
        }
    }

    private static string Reason(HttpRequestException ex) =>
        ex.InnerException is SocketException se ? se.SocketErrorCode.ToString() : ex.HttpRequestError.ToString();
}
