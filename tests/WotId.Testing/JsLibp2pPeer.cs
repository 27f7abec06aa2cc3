using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Testing;

/// <summary>
/// The js-libp2p reference peer <c>interop/libp2p/peer.mjs</c> as a child process. It prints
/// <c>{"event":"ready","peerId":…,"addrs":[…]}</c> once listening, then answers each JSON command line carrying an
/// <c>id</c> with a <c>{"event":"result","id":…,"ok":…}</c> line (other event lines are ignored).
/// </summary>
public sealed class JsLibp2pPeer : IAsyncDisposable
{
    /// <summary>The script, relative to <c>interop/</c>.</summary>
    public const string Script = "libp2p/peer.mjs";

    private static int s_nextId;
    private readonly NodeProcess _node;
    private readonly SemaphoreSlim _lock = new(1, 1);

    private JsLibp2pPeer(NodeProcess node, string peerId, IReadOnlyList<string> addresses)
    {
        _node = node;
        PeerId = peerId;
        Addresses = addresses;
    }

    /// <summary>The peer id (base58btc text).</summary>
    public string PeerId { get; }

    /// <summary>The listen multiaddrs it printed (text, one TCP and one /ws).</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>What the process wrote on stderr so far.</summary>
    public string StandardError => _node.StandardError;

    /// <summary>Starts the peer and waits for its ready line (skips the test when the npm packages are missing).</summary>
    public static async Task<JsLibp2pPeer> StartAsync()
    {
        NodeProcess node = NodeProcess.Start(Script);
        try
        {
            JsonNode ready = JsonNode.Parse(await node.ReadUntilAsync("{\"event\":\"ready\"", TimeSpan.FromSeconds(30)).ConfigureAwait(false))!;
            string[] addresses = ready["addrs"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();
            return new JsLibp2pPeer(node, ready["peerId"]!.GetValue<string>(), addresses);
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs one command and returns its result line; throws when the peer reports a failure.</summary>
    public async Task<JsonNode> RunAsync(JsonObject command, TimeSpan? timeout = null)
    {
        JsonNode result = await TryRunAsync(command, timeout).ConfigureAwait(false);
        if (result["ok"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException("js command failed: " + result.ToJsonString() + "\n" + _node.StandardError);
        }

        return result;
    }

    /// <summary>Runs one command and returns its result line, whether or not it succeeded.</summary>
    public async Task<JsonNode> TryRunAsync(JsonObject command, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        int id = Interlocked.Increment(ref s_nextId);
        command["id"] = id;
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _node.SendLineAsync(command.ToJsonString()).ConfigureAwait(false);
            string prefix = "{\"event\":\"result\",\"id\":" + id + ",";
            string line = await _node.ReadUntilAsync(prefix, timeout ?? TimeSpan.FromSeconds(90)).ConfigureAwait(false);
            return JsonNode.Parse(line)!;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Kills the process.</summary>
    public void Kill() => _node.Kill();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync().ConfigureAwait(false);
        _lock.Dispose();
    }
}
