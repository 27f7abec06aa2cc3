// A JSON-RPC endpoint on a real 127.0.0.1 socket answering with the IdentityResponses fixtures. It stands in for an
// IOTA node (none can run here) and checks what it is sent: every dry-run and executed transaction must decode, and an
// executed one must carry a valid Ed25519 intent signature from its sender. It keeps the executed transactions so a
// test can look at the exact inputs and Move calls that reached the "chain".
using System;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Tests.Rpc;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;
using WotId.Testing.Iota;

namespace WotId.Mailbox.Tests.Identity;

internal sealed class IdentityNode : IAsyncDisposable
{
    private readonly LoopbackJsonRpcServer _server;
    private readonly IotaAddress _controller;

    public IdentityNode(IotaAddress controller)
    {
        _controller = controller;
        _server = LoopbackJsonRpcServer.Start(request => (200, Answer(request.GetProperty("method").GetString()!, request.GetProperty("params"))
            .Replace("SENDER", _controller.ToString(), StringComparison.Ordinal)));
    }

    public Uri Endpoint => _server.Endpoint;

    /// <summary>Whether propose_update executes at once (one controller) or leaves a pending proposal.</summary>
    public bool ProposalExecuted { get; init; } = true;

    /// <summary>The dry run fails with identity abort 6 (EDeletedIdentity).</summary>
    public bool IdentityDeleted { get; init; }

    /// <summary>The Identity the controller's owned ControllerCap controls.</summary>
    public string CapControls { get; init; } = IdentityResponses.IdentityId;

    public ConcurrentQueue<string> Methods => _server.Methods;

    public ConcurrentQueue<TransactionData> Executed { get; } = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private string Answer(string method, JsonElement p)
    {
        switch (method)
        {
            case "iotax_getReferenceGasPrice": return DocumentedResponses.GasPrice;
            case "iotax_getCoins": return IdentityResponses.Coins;
            case "iota_getObject":
                return p[0].GetString() == IdentityResponses.IdentityId ? IdentityResponses.IdentityObject : DocumentedResponses.NotExists;
            case "iotax_getOwnedObjects":
                return IdentityResponses.OwnedCap.Replace("CONTROLLED", CapControls, StringComparison.Ordinal);
            case "iota_dryRunTransactionBlock":
                TransactionBcs.Decode(Convert.FromBase64String(p[0].GetString()!));
                return IdentityDeleted ? IdentityResponses.DryRunDeletedIdentity : IdentityResponses.DryRunSuccess;
            case "iota_executeTransactionBlock":
                byte[] tx = Convert.FromBase64String(p[0].GetString()!);
                TransactionData data = TransactionBcs.Decode(tx);
                if (SerializedSignature.VerifyTransaction(tx, p[1][0].GetString()!) != data.Sender)
                {
                    return DocumentedResponses.RpcErrorInvalidParams;
                }

                Executed.Enqueue(data);
                string digest = IotaIntent.TransactionDigest(tx).ToString();
                string answer = IsCall(data, "new") ? IdentityResponses.ExecutedCreate
                    : IdentityResponses.ExecutedUpdate.Replace("EXECUTED", ProposalExecuted ? "true" : "false", StringComparison.Ordinal);
                return answer.Replace("TXDIGEST", digest, StringComparison.Ordinal);
            default: return DocumentedResponses.RpcErrorInvalidParams;
        }
    }

    private static bool IsCall(TransactionData data, string function)
    {
        foreach (Command c in data.Kind.Commands)
        {
            if (c is MoveCallCommand m && m.Module == "identity" && m.Function == function)
            {
                return true;
            }
        }

        return false;
    }
}
