using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Cli.Commands.Identity;
using WotId.Node.Invitations;
using WotId.Node.Profile;

namespace WotId.Cli.Commands.Nodes;

/// <summary><c>wotid init</c>: creates the profile (keys, Signal identity, prekeys, embedded mailbox) in <c>--home</c>.</summary>
internal sealed class InitCommand : ICliCommand
{
    public string Name => "init";

    public string Summary => "create your profile: keys, Signal identity, mailbox (passphrase from WOTID_PASSPHRASE or the terminal)";

    public IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Value("--name", "NAME", "your display name (1..64 characters), suggested to contacts in invitations"),
        CliSymbols.Values("--listen", "MULTIADDR", "where the node listens (repeatable; default /ip4/127.0.0.1/tcp/0, port 0 = a free port chosen now)"),
        CliSymbols.Value("--mailbox-db", "PATH", "embedded mailbox file shared by profiles on this machine (default HOME/mailbox/mailbox.db)"),
        CliSymbols.Value("--mailbox-host", "MULTIADDR", "also keep your mailbox on this mailbox host (ends in /p2p/PEER_ID; see `wotid mailbox use-host`)"),
        CliSymbols.Value("--iota-rpc", "URL", "also keep your mailbox on the IOTA chain through this JSON-RPC endpoint (with --package; see `wotid mailbox use-iota`)"),
        CliSymbols.Value("--package", "ID", "the wotid_mailbox Move package id (with --iota-rpc)"),
    ];

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        string name = arguments.Require("name");
        IReadOnlyList<string> listen = arguments.GetAll("listen");
        if (File.Exists(Path.Combine(context.Home, Profile.DatabaseFileName)))
        {
            throw new CliFailure($"{context.Home} has a profile already", "use another --home", "exists", ExitCodes.InvalidInput);
        }

        (Uri Rpc, WotId.Mailbox.Types.IotaAddress Package)? iota = arguments.Get("iota-rpc") is string rpc
            ? MailboxUseIotaCommand.Parse(rpc, arguments.Get("package") ?? throw new CliUsageException("--iota-rpc needs --package ID"))
            : arguments.Get("package") is null ? null : throw new CliUsageException("--package needs --iota-rpc URL");
        string passphrase = Passphrase.Read(context, confirm: true);
        var options = new ProfileOptions
        {
            ListenAddresses = listen.Count > 0 ? listen : null,
            MailboxDatabasePath = arguments.Get("mailbox-db"),
        };
        using Profile profile = await Profile.CreateAsync(context.Home, name, passphrase, options, cancellationToken).ConfigureAwait(false);
        HostedMailboxSettings? hosted = arguments.Get("mailbox-host") is string host
            ? await MailboxUseHostCommand.CreateAsync(profile, host, cancellationToken).ConfigureAwait(false)
            : null;
        IotaMailboxSettings? chain = iota is { } i
            ? await MailboxUseIotaCommand.CreateAsync(profile, i.Rpc, i.Package, cancellationToken).ConfigureAwait(false)
            : null;
        string peerId = profile.PeerIdentity.PeerId.ToString();
        string fingerprint = DidFingerprint.Short(profile.Did);
        string[] addresses = profile.ListenAddresses.Select(a => $"{a}/p2p/{peerId}").ToArray();
        var json = new JsonObject
        {
            ["name"] = profile.Name,
            ["did"] = profile.Did,
            ["fingerprint"] = fingerprint,
            ["peerId"] = peerId,
            ["addresses"] = new JsonArray(addresses.Select(a => (JsonNode)a).ToArray()),
            ["mailbox"] = profile.Mailbox?.DatabasePath,
            ["hostedMailbox"] = hosted?.HostAddress,
            ["iotaMailbox"] = chain?.Handle.MailboxId.ToString(),
            ["home"] = Path.GetFullPath(context.Home),
        };
        var text = new StringBuilder()
            .AppendLine($"created profile '{profile.Name}' in {Path.GetFullPath(context.Home)}")
            .AppendLine($"fingerprint: {fingerprint}")
            .AppendLine($"peer id:     {peerId}");
        foreach (string a in addresses)
        {
            text.AppendLine($"listen:      {a}");
        }

        if (profile.Mailbox is { } mailbox)
        {
            text.AppendLine($"mailbox:     {mailbox.DatabasePath}");
        }

        if (hosted is not null)
        {
            text.AppendLine($"hosted mailbox: {hosted.Handle.MailboxId} on {hosted.HostAddress}");
        }

        if (chain is not null)
        {
            text.AppendLine($"IOTA mailbox: {chain.Handle.MailboxId} through {chain.Rpc}");
        }

        text.AppendLine()
            .AppendLine("next steps:")
            .AppendLine("  1. get a VerifiedHuman credential: give your DID (`wotid status --json`, field did) to an issuer,")
            .AppendLine("     then `wotid credential import FILE`")
            .AppendLine("  2. trust the issuers of your contacts' credentials: `wotid trust add ISSUER_DID`")
            .AppendLine("  3. `wotid invite` and send the URI (or show the QR codes); add others with `wotid contact add URI`")
            .Append("  4. `wotid run` to stay reachable, `wotid chat NAME` to talk");
        await context.Output.WriteLineAsync(context.Json ? json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) : text.ToString()).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
