using System;
using System.IO;

namespace WotId.Mailbox.Rpc;

/// <summary>A JSON-RPC call to an IOTA node failed (transport layer exception).</summary>
public sealed class IotaRpcException : IOException
{
    /// <summary>Creates the exception.</summary>
    public IotaRpcException(IotaRpcError error, string message, int? rpcCode = null, Exception? innerException = null)
        : base($"IOTA JSON-RPC {error}: {message}", innerException)
    {
        Error = error;
        RpcCode = rpcCode;
    }

    /// <summary>Serialization-style constructor.</summary>
    public IotaRpcException()
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public IotaRpcException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception wrapping another.</summary>
    public IotaRpcException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The error kind.</summary>
    public IotaRpcError Error { get; }

    /// <summary>The JSON-RPC error code (for example -32002 execution error, -32050 transient), if any.</summary>
    public int? RpcCode { get; }
}
