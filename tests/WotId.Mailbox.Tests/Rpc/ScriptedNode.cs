// A JSON-RPC endpoint on a real 127.0.0.1 socket that answers with the documented fixture shapes. It stands in for
// an IOTA node (none can run here) and checks what it receives: every executed transaction must decode and carry a
// valid Ed25519 intent signature from its sender. Started with a ChainModel it answers from that model's objects
// instead, so a whole mailbox scenario can run against the chain client.
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Rpc;

internal sealed class ScriptedNode : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    private readonly Contract.ChainModel? _chain;
    private string? _executedDigest;

    private ScriptedNode(int port, bool failing, bool loseFirstExecuteAnswer = false, Contract.ChainModel? chain = null)
    {
        _chain = chain;
        Failing = failing;
        LoseFirstExecuteAnswer = loseFirstExecuteAnswer;
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = LoopAsync();
    }

    public Uri Endpoint { get; }

    public bool Failing { get; }

    /// <summary>Executes the first transaction but answers HTTP 502, as when a proxy drops the response.</summary>
    public bool LoseFirstExecuteAnswer { get; private set; }

    public ConcurrentQueue<string> Methods { get; } = new();

    public ConcurrentQueue<IotaAddress> ExecutedBySigner { get; } = new();

    public static ScriptedNode Start(bool failing = false, bool loseFirstExecuteAnswer = false) => new(FreePort(), failing, loseFirstExecuteAnswer);

    /// <summary>A node whose answers come from <paramref name="chain"/> (objects that change as transactions execute).</summary>
    public static ScriptedNode Start(Contract.ChainModel chain) => new(FreePort(), false, false, chain);

    /// <summary>A node on <paramref name="port"/> answering from <paramref name="chain"/> (the same objects after a restart).</summary>
    public static ScriptedNode StartAt(Contract.ChainModel chain, int port) => new(port, false, false, chain);

    /// <summary>A port that was just bound and released: nothing listens on it.</summary>
    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            // Close stops the listener and ends a pending GetContextAsync. On Unix the managed HttpListener looks its
            // endpoint up again while closing and may try to bind the port once more; when another test has taken the
            // freed port meanwhile that bind fails with "Address already in use", which says nothing about this test.
            _listener.Close();
        }
        catch (HttpListenerException)
        {
        }

        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync();
            using JsonDocument req = JsonDocument.Parse(body);
            string method = req.RootElement.GetProperty("method").GetString()!;
            Methods.Enqueue(method);
            if (Failing)
            {
                ctx.Response.StatusCode = 500;
                ctx.Response.Close();
                continue;
            }

            string? answer = Answer(method, req.RootElement.GetProperty("params"));
            if (answer is null)
            {
                ctx.Response.StatusCode = 502;
                ctx.Response.Close();
                continue;
            }

            byte[] bytes = Encoding.UTF8.GetBytes(answer);
            ctx.Response.ContentType = "application/json";
            await ctx.Response.OutputStream.WriteAsync(bytes);
            ctx.Response.Close();
        }
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
