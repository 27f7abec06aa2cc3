// The `wotid demo` story (README "Main job"): an issuer and Alice, Bob, Mallory (revoked credential) and Eve
// (credential from an untrusted issuer) as separate processes on loopback, each step done with the same `wotid`
// verbs a person types. Alice and Bob handshake and chat with receipts; Mallory and Eve are refused with their
// reasons; Bob goes offline and Alice's message goes to his mailbox; Bob returns, claims it, and Alice receives the
// delivery receipt. Every step checks what actually happened; the first that does not throws DemoStepException.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Commands.Demo;

/// <summary>Runs the demo story.</summary>
internal sealed partial class DemoScenario : IAsyncDisposable
{
    internal const string Passphrase = "demo passphrase, not a secret";
    private static readonly string[] People = ["alice", "bob", "mallory", "eve"];
    private readonly DemoCast _cast;
    private readonly DemoTimeline _timeline;
    private readonly TimeSpan _stepTimeout;
    private readonly Dictionary<string, RunningNode> _nodes = [];
    private readonly Dictionary<string, string> _dids = [];
    private System.Diagnostics.Process? _statusServer;

    internal DemoScenario(DemoCast cast, DemoTimeline timeline, TimeSpan stepTimeout)
    {
        _cast = cast;
        _timeline = timeline;
        _stepTimeout = stepTimeout;
    }

    /// <summary>Runs every step; throws <see cref="DemoStepException"/> at the first that fails.</summary>
    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        string trusted = await SetUpIssuersAsync(cancellationToken).ConfigureAwait(false);
        await SetUpPeopleAsync(trusted, cancellationToken).ConfigureAwait(false);
        await ExchangeInvitationsAsync(cancellationToken).ConfigureAwait(false);
        await ChatAsync(cancellationToken).ConfigureAwait(false);
        await RefusalsAsync(cancellationToken).ConfigureAwait(false);
        await OfflineAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (RunningNode node in _nodes.Values)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }

        _nodes.Clear();
        if (_statusServer is { } server)
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }

            server.Dispose();
        }
    }

    private async Task<string> SetUpIssuersAsync(CancellationToken ct)
    {
        int port = FreePort();
        string statusUrl = $"http://127.0.0.1:{port}/status/1";
        JsonNode issuer = await JsonVerbAsync("issuer", ct, "issuer", "init", "--home", _cast.Issuer, "--status-url", statusUrl);
        string trusted = Text(issuer, "did");
        await _timeline.OkAsync("issuer", $"created issuer {Fingerprint(trusted)} with a status list at {statusUrl}");
        JsonNode rogue = await JsonVerbAsync("rogue", ct, "issuer", "init", "--home", _cast.RogueIssuer, "--status-url", $"http://127.0.0.1:{port}/status/rogue");
        await _timeline.OkAsync("rogue", $"created an issuer nobody trusts ({Fingerprint(Text(rogue, "did"))})");
        _statusServer = WotidChild.Start(Passphrase, "issuer", "serve", "--home", _cast.Issuer, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _statusServer.StandardInput.Close();
        await WaitForHttpAsync(new Uri(statusUrl), ct).ConfigureAwait(false);
        await _timeline.OkAsync("issuer", "serves its status list credential over HTTP (`wotid issuer serve`)");
        return trusted;
    }

    private async Task SetUpPeopleAsync(string trusted, CancellationToken ct)
    {
        string? mallorysCredential = null;
        foreach (string person in People)
        {
            string home = _cast.Home(person);
            JsonNode init = await JsonVerbAsync(person, ct, "init", "--home", home, "--name", person, "--mailbox-db", _cast.MailboxDatabase);
            _dids[person] = Text(init, "did");
            string issuerHome = person == "eve" ? _cast.RogueIssuer : _cast.Issuer;
            JsonNode issued = await JsonVerbAsync(person == "eve" ? "rogue" : "issuer", ct, "issuer", "issue", "--home", issuerHome, "--subject", _dids[person], "--out", _cast.CredentialFile(person));
            if (person == "mallory")
            {
                mallorysCredential = Text(issued, "id");
            }

            await VerbAsync(person, ct, "credential", "import", "--home", home, _cast.CredentialFile(person));
            await VerbAsync(person, ct, "trust", "add", "--home", home, trusted);
            await _timeline.OkAsync(person, $"profile {Fingerprint(_dids[person])}: credential from {(person == "eve" ? "the untrusted" : "the trusted")} issuer imported, issuer trusted");
        }

        await JsonVerbAsync("issuer", ct, "issuer", "revoke", "--home", _cast.Issuer, mallorysCredential!);
        await _timeline.OkAsync("issuer", "revoked Mallory's credential");
        foreach (string person in People)
        {
            var node = RunningNode.Start(person, _cast.Home(person), Passphrase);
            _nodes[person] = node;
            await node.WaitForAsync("node.started", _ => true, _stepTimeout, ct).ConfigureAwait(false);
            await _timeline.OkAsync(person, "node running (`wotid run`)");
        }
    }

    private async Task ExchangeInvitationsAsync(CancellationToken ct)
    {
        string bobs = Text(await JsonVerbAsync("bob", ct, "invite", "--home", _cast.Home("bob")), "uri");
        string alices = Text(await JsonVerbAsync("alice", ct, "invite", "--home", _cast.Home("alice")), "uri");
        await _timeline.OkAsync("bob", $"invitation of {bobs.Length:N0} characters (`wotid invite`)");
        await VerbAsync("alice", ct, "contact", "add", "--home", _cast.Home("alice"), bobs, "--name", "bob");
        await VerbAsync("bob", ct, "contact", "add", "--home", _cast.Home("bob"), alices, "--name", "alice");
        await VerbAsync("mallory", ct, "contact", "add", "--home", _cast.Home("mallory"), bobs, "--name", "bob");
        await VerbAsync("eve", ct, "contact", "add", "--home", _cast.Home("eve"), bobs, "--name", "bob");
        await _timeline.OkAsync("all", "Alice and Bob added each other; Mallory and Eve added Bob");
    }

    private static string Text(JsonNode node, string name) =>
        node[name]?.GetValue<string>() ?? throw new DemoStepException($"the output has no '{name}'");

    private static string Fingerprint(string did) => WotId.Node.Invitations.DidFingerprint.Short(did);

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task WaitForHttpAsync(Uri url, CancellationToken ct)
    {
        using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < _stepTimeout)
        {
            try
            {
                using System.Net.Http.HttpResponseMessage response = await http.GetAsync(url, ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (System.Net.Http.HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Timed out; try again.
            }

            await Task.Delay(200, ct).ConfigureAwait(false);
        }

        throw new DemoStepException($"the status list server did not answer on {url} within {_stepTimeout.TotalSeconds:0} s");
    }

    private async Task<JsonNode> JsonVerbAsync(string actor, CancellationToken ct, params string[] args)
    {
        string output = await VerbAsync(actor, ct, [.. args, "--json"]).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(output) ?? throw new DemoStepException($"`wotid {WotidChild.Describe(args)}` printed no JSON");
        }
        catch (JsonException e)
        {
            throw new DemoStepException($"`wotid {WotidChild.Describe(args)}` printed invalid JSON", e);
        }
    }

    private async Task<string> VerbAsync(string actor, CancellationToken ct, params string[] args)
    {
        WotidChild.Result r = await WotidChild.RunAsync(Passphrase, _stepTimeout, ct, args).ConfigureAwait(false);
        if (r.ExitCode != 0)
        {
            string why = r.Error.Trim().Split('\n')[^1];
            throw new DemoStepException($"{actor}: `wotid {WotidChild.Describe(args)}` exited {r.ExitCode}: {why}");
        }

        return r.Output;
    }
}
