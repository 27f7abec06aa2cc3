// A JSON-RPC endpoint on a real 127.0.0.1 socket that answers with the documented fixture shapes. It stands in for
// an IOTA node (none can run here) and checks what it receives: every executed transaction must decode and carry a
// valid Ed25519 intent signature from its sender. Started with a ChainModel it answers from that model's objects
// instead, so a whole mailbox scenario can run against the chain client.
using System;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;
using WotId.Testing;
using WotId.Testing.Iota;

namespace WotId.Mailbox.Tests.Rpc;

internal sealed class ScriptedNode : IAsyncDisposable
{
    private readonly LoopbackJsonRpcServer _server;
    private readonly Contract.ChainModel? _chain;
    private string? _executedDigest;

    private ScriptedNode(int port, bool failing, bool loseFirstExecuteAnswer = false, Contract.ChainModel? chain = null)
    {
        _chain = chain;
        Failing = failing;
        LoseFirstExecuteAnswer = loseFirstExecuteAnswer;
        _server = LoopbackJsonRpcServer.Start(Reply, port);
    }

    public Uri Endpoint => _server.Endpoint;

    public bool Failing { get; }

    /// <summary>Executes the first transaction but answers HTTP 502, as when a proxy drops the response.</summary>
    public bool LoseFirstExecuteAnswer { get; private set; }

    public ConcurrentQueue<string> Methods => _server.Methods;

    public ConcurrentQueue<IotaAddress> ExecutedBySigner { get; } = new();

    public static ScriptedNode Start(bool failing = false, bool loseFirstExecuteAnswer = false) => new(0, failing, loseFirstExecuteAnswer);

    /// <summary>A node whose answers come from <paramref name="chain"/> (objects that change as transactions execute).</summary>
    public static ScriptedNode Start(Contract.ChainModel chain) => new(0, false, false, chain);

    /// <summary>A node on <paramref name="port"/> answering from <paramref name="chain"/> (the same objects after a restart).</summary>
    public static ScriptedNode StartAt(Contract.ChainModel chain, int port) => new(port, false, false, chain);


    public ValueTask DisposeAsync() => _server.DisposeAsync();

    // HTTP 500 from a failing node; 502 when the answer is lost on the way.
    private (int Status, string? Body) Reply(JsonElement request)
    {
        if (Failing)
        {
            return (500, null);
        }

        string? answer = Answer(request.GetProperty("method").GetString()!, request.GetProperty("params"));
        return answer is null ? (502, null) : (200, answer);
    }

    private string? Answer(string method, JsonElement p)
    {
        if (_chain is not null)
        {
            return _chain.Answer(method, p);
        }

        switch (method)
        {
            case "iotax_getReferenceGasPrice": return DocumentedResponses.GasPrice;
            case "iota_getObject": return DocumentedResponses.SharedMailbox;
            case "iotax_getCoins": return DocumentedResponses.Coins;
            case "iota_dryRunTransactionBlock":
                TransactionBcs.Decode(Convert.FromBase64String(p[0].GetString()!));
                return DocumentedResponses.ExecutedSend;
            case "iota_executeTransactionBlock":
                byte[] tx = Convert.FromBase64String(p[0].GetString()!);
                TransactionData data = TransactionBcs.Decode(tx);
                IotaAddress? signer = SerializedSignature.VerifyTransaction(tx, p[1][0].GetString()!);
                if (signer != data.Sender)
                {
                    return DocumentedResponses.RpcErrorInvalidParams;
                }

                ExecutedBySigner.Enqueue(signer.Value);
                _executedDigest = IotaIntent.TransactionDigest(tx).ToString();
                if (LoseFirstExecuteAnswer)
                {
                    LoseFirstExecuteAnswer = false;
                    return null;
                }

                return DocumentedResponses.ExecutedSend;
            case "iota_getTransactionBlock":
                return p[0].GetString() == _executedDigest ? DocumentedResponses.ExecutedSend : DocumentedResponses.RpcErrorInvalidParams;
            default: return DocumentedResponses.RpcErrorInvalidParams;
        }
    }
}
