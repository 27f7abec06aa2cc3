namespace WotId.Mailbox.Rpc;

/// <summary>Why a JSON-RPC call failed.</summary>
public enum IotaRpcError
{
    /// <summary>No connection (refused, DNS failure, reset).</summary>
    Unreachable,

    /// <summary>No answer within the timeout.</summary>
    Timeout,

    /// <summary>A non-success HTTP status.</summary>
    HttpStatus,

    /// <summary>The node returned a JSON-RPC <c>error</c> object.</summary>
    RpcError,

    /// <summary>The answer is not the documented shape.</summary>
    MalformedResponse,
}
