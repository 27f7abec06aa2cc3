// Fuzz target: JSON-RPC response envelope and result parsers of WotId.Mailbox (objects, pages, effects, events).
using System;
using System.Text.Json;
using WotId.Mailbox.Rpc;

namespace WotId.Fuzz.Targets.Mailbox;

/// <summary>Only <see cref="IotaRpcException"/> may escape.</summary>
public sealed class RpcResponseTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "mailbox-rpc-response";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        JsonElement result;
        try
        {
            result = RpcResponseParser.ParseEnvelope(input);
        }
        catch (IotaRpcException)
        {
            return;
        }

        Try(() => RpcResponseParser.ParseObjectResponse(result));
        Try(() => RpcResponseParser.ParseExecution(result));
        Try(() => RpcResponseParser.ParsePage(result, RpcResponseParser.ParseDynamicField));
        Try(() => RpcResponseParser.ParsePage(result, RpcResponseParser.ParseCoin));
        Try(() => RpcResponseParser.ParsePage(result, RpcResponseParser.ParseEvent));
        Try(() => RpcResponseParser.ParseU64(result, "value"));
    }

    private static void Try(Func<object?> parse)
    {
        try
        {
            parse();
        }
        catch (IotaRpcException)
        {
        }
    }
}
