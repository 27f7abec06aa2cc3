// The messaging half of the demo story: direct chat with receipts, the refusals, and offline delivery.
using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Commands.Demo;

internal sealed partial class DemoScenario
{
    private async Task ChatAsync(CancellationToken ct)
    {
        RunningNode alice = _nodes["alice"], bob = _nodes["bob"];
        (string id, double ms) = await SendAsync("alice", "bob", "Hello Bob, it is really me.", "direct", ct).ConfigureAwait(false);
        await alice.WaitForAsync("handshake.verified", e => RunningNode.Str(e, "contact") == "bob", _stepTimeout, ct).ConfigureAwait(false);
        await bob.WaitForAsync("handshake.verified", e => RunningNode.Str(e, "contact") == "alice", _stepTimeout, ct).ConfigureAwait(false);
        await _timeline.OkAsync("alice", "verified-human handshake with Bob passed on both sides");
        await _timeline.OkAsync("alice", "sent \"Hello Bob, it is really me.\": delivered direct", ms);
        await bob.WaitForAsync("message.received", e => RunningNode.Str(e, "messageId") == id, _stepTimeout, ct).ConfigureAwait(false);
        await _timeline.OkAsync("bob", "received Alice's message");
        await alice.WaitForAsync("receipt.delivered", e => RunningNode.Str(e, "messageId") == id, _stepTimeout, ct).ConfigureAwait(false);
        await _timeline.OkAsync("alice", "got Bob's delivery receipt");
        (string reply, double replyMs) = await SendAsync("bob", "alice", "Hi Alice! Verified and encrypted.", "direct", ct).ConfigureAwait(false);
        await _timeline.OkAsync("bob", "replied: delivered direct", replyMs);
        await alice.WaitForAsync("message.received", e => RunningNode.Str(e, "messageId") == reply, _stepTimeout, ct).ConfigureAwait(false);
        await _timeline.OkAsync("alice", "received Bob's reply");
    }

    private async Task RefusalsAsync(CancellationToken ct)
    {
        RunningNode bob = _nodes["bob"];
        foreach ((string person, string reason) in new[] { ("mallory", "revoked"), ("eve", "untrusted_issuer") })
        {
            string peer = Text(await JsonVerbAsync(person, ct, "status", "--home", _cast.Home(person)).ConfigureAwait(false), "peerId");
            JsonNode sent = await JsonVerbAsync(person, ct, "send", "--home", _cast.Home(person), "bob", "let me in").ConfigureAwait(false);
            JsonElement refused = await bob.WaitForAsync("handshake.failed", e => RunningNode.Str(e, "peerId") == peer, _stepTimeout, ct).ConfigureAwait(false);
            string? got = RunningNode.Str(refused, "reason");
            if (got != reason)
            {
                throw new DemoStepException($"Bob refused {person} for '{got}', expected '{reason}'");
            }

            await _timeline.OkAsync("bob", $"refused {person}: {reason}");
            await _timeline.OkAsync(person, Text(sent, "delivered") == "mailbox"
                ? "her message fell back to Bob's mailbox, where his node does not open it: she is not his contact"
                : $"her message was reported '{Text(sent, "delivered")}'");
            JsonElement theirs = await _nodes[person].WaitForAsync("handshake.failed", _ => true, _stepTimeout, ct).ConfigureAwait(false);
            await _timeline.OkAsync(person, $"was told: {RunningNode.Str(theirs, "reason")}");
        }
    }

    private async Task OfflineAsync(CancellationToken ct)
    {
        RunningNode alice = _nodes["alice"];
        await _nodes["bob"].DisposeAsync().ConfigureAwait(false);
        _nodes.Remove("bob");
        await _timeline.OkAsync("bob", "went offline");
        (string id, double ms) = await SendAsync("alice", "bob", "Are you there? I'll wait.", "mailbox", ct).ConfigureAwait(false);
        await _timeline.OkAsync("alice", "sent while Bob is offline: deposited in Bob's mailbox", ms);
        var bob = RunningNode.Start("bob", _cast.Home("bob"), Passphrase);
        _nodes["bob"] = bob;
        await bob.WaitForAsync("node.started", _ => true, _stepTimeout, ct).ConfigureAwait(false);
        await _timeline.OkAsync("bob", "came back online");
        JsonElement got = await bob.WaitForAsync("message.received", e => RunningNode.Str(e, "messageId") == id, _stepTimeout, ct).ConfigureAwait(false);
        await _timeline.OkAsync("bob", $"claimed it from his mailbox (via {RunningNode.Str(got, "via")})");
        await alice.WaitForAsync("receipt.delivered", e => RunningNode.Str(e, "messageId") == id, _stepTimeout, ct).ConfigureAwait(false);
        await _timeline.OkAsync("alice", "got the delivery receipt for the offline message");
        JsonNode inbox = await JsonVerbAsync("bob", ct, "inbox", "--home", _cast.Home("bob")).ConfigureAwait(false);
        int copies = 0, total = 0;
        foreach (JsonNode? m in inbox.AsArray())
        {
            total++;
            copies += m?["id"]?.GetValue<string>() == id ? 1 : 0;
        }

        if (copies != 1 || total != 2)
        {
            throw new DemoStepException($"Bob's inbox holds {total} messages and {copies} copies of the offline one; expected 2 and exactly 1");
        }

        await _timeline.OkAsync("bob", "inbox holds both of Alice's messages, each exactly once");
    }

    private async Task<(string Id, double Milliseconds)> SendAsync(string from, string to, string text, string expected, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        JsonNode sent = await JsonVerbAsync(from, ct, "send", "--home", _cast.Home(from), to, text).ConfigureAwait(false);
        double ms = watch.Elapsed.TotalMilliseconds;
        string delivered = Text(sent, "delivered");
        if (delivered != expected)
        {
            throw new DemoStepException($"{from}'s message to {to} was delivered '{delivered}', expected '{expected}'");
        }

        return (Text(sent, "id"), ms);
    }
}
