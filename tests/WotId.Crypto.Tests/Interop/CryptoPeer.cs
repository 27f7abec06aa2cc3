// Drives interop/crypto/pq-peer.mjs (@noble/post-quantum 0.7.1, @noble/hashes, @signalapp/libsignal-client 0.103.0)
// over JSON lines: one request object per line, one answer per line.
using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Testing;

namespace WotId.Crypto.Tests.Interop;

internal sealed class CryptoPeer : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(120);

    private readonly NodeProcess _node;

    private CryptoPeer(NodeProcess node) => _node = node;

    public static CryptoPeer Start() => new(NodeProcess.Start("crypto/pq-peer.mjs"));

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Sends one command; returns the answer, failing the test when the peer reports an error.</summary>
    public async Task<Answer> CallAsync(string command, Dictionary<string, object?> arguments)
    {
        arguments["cmd"] = command;
        await _node.SendLineAsync(JsonSerializer.Serialize(arguments));
        string line = await _node.ReadLineAsync(s_timeout);
        JsonElement root = JsonDocument.Parse(line).RootElement;
        if (!root.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException($"peer {command} failed: {root.GetProperty("error").GetString()}");
        }

        return new Answer(root);
    }

    public ValueTask DisposeAsync() => _node.DisposeAsync();

    internal readonly struct Answer
    {
        private readonly JsonElement _root;

        public Answer(JsonElement root) => _root = root;

        public byte[] Bytes(string name) => Convert.FromHexString(_root.GetProperty(name).GetString()!);

        public bool Bool(string name) => _root.GetProperty(name).GetBoolean();
    }
}
