// Shared plumbing of `wotid did publish|update|deactivate`: a did:iota document on the IOTA chain through the IOTA
// Identity Move package (--iota-rpc URL --package ID --iota-key FILE [--network NAME]), signed and paid by the
// controller's Ed25519 account key. The document is given in its packed on-chain form (--packed FILE: DID ‖ 1 ‖ 0 ‖
// u16 LE length ‖ JSON, as IOTA Identity's IotaDocument.pack() writes it).
// Exit codes: 0 ok, 1 chain or node error (code printed), 2 usage.
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WotId.Mailbox;
using WotId.Mailbox.Identity;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Types;

namespace WotId.Cli.Commands.Identity;

/// <summary>Base of the did:iota chain commands.</summary>
internal abstract class DidIotaCommand : IdentityCommand
{
    /// <summary>The options every did:iota chain command takes.</summary>
    protected static Symbol[] ChainOptions() =>
    [
        CliSymbols.Value("--iota-rpc", "URL", "the IOTA node's JSON-RPC endpoint"),
        CliSymbols.Value("--package", "ID", "the IOTA Identity Move package id to call (the latest published one)"),
        CliSymbols.Value("--iota-key", "FILE", "the controller's IOTA account key (iotaprivkey…); it signs and pays gas"),
        CliSymbols.Value("--network", "NAME", "DID network name, the chain identifier (e.g. 2304aa97 for testnet); default mainnet"),
    ];

    protected sealed override async Task<int> ExecuteAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(arguments.Require("iota-rpc"), UriKind.Absolute, out Uri? endpoint))
        {
            throw new CliUsageException("--iota-rpc needs an absolute URL");
        }

        try
        {
            var package = IotaAddress.Parse(arguments.Require("package"));
            using IotaKeyPair key = IotaKeyPair.ImportPrivateKey(File.ReadAllText(arguments.Require("iota-key")).Trim());
            using var client = new JsonRpcIotaClient(endpoint, null, null, context.Loggers.CreateLogger<JsonRpcIotaClient>());
            using var publisher = new IotaIdentityPublisher(client, key, package, arguments.Get("network"));
            IotaIdentityPublication p = await RunAsync(context, publisher, arguments, cancellationToken).ConfigureAwait(false);
            var json = new JsonObject { ["did"] = p.Did, ["identity"] = p.IdentityId.ToString(), ["digest"] = p.Digest, ["controller"] = key.Address.ToString() };
            string text = $"did:        {p.Did}\ntransaction {p.Digest}";
            if (p.ControllerCapId is IotaAddress cap)
            {
                json["controllerCap"] = cap.ToString();
                text += $"\ncontroller cap {cap}";
            }

            if (p.PendingProposalId is IotaAddress proposal)
            {
                json["pendingProposal"] = proposal.ToString();
                text += $"\npending proposal {proposal}: other controllers must approve";
            }

            await WriteAsync(context, json, text).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (MailboxException ex)
        {
            return await new CliError(ex.Error.ToString(), ex.Message, null, ExitCodes.Failed).WriteAsync(context.Error, context.Json).ConfigureAwait(false);
        }
        catch (IotaRpcException ex)
        {
            return await new CliError("NodeError", ex.Message, "check --iota-rpc", ExitCodes.Failed).WriteAsync(context.Error, context.Json).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException(ex.Message);
        }
    }

    protected abstract Task<IotaIdentityPublication> RunAsync(CliContext context, IotaIdentityPublisher publisher, CliArguments arguments, CancellationToken cancellationToken);

    /// <summary>
    /// The packed document: --packed FILE as it is, or --document FILE (DID document JSON whose id is the placeholder
    /// <c>did:0:0</c> or a did:iota) packed here (IOTA Identity state metadata V1, JSON encoding) with <paramref name="metadata"/>.
    /// </summary>
    protected static byte[] Packed(CliArguments arguments, WotId.Identity.Dids.Iota.IotaDocumentMetadata metadata)
    {
        string? packed = arguments.Get("packed");
        string? document = arguments.Get("document");
        if ((packed is null) == (document is null))
        {
            throw new CliUsageException("give exactly one of --packed FILE and --document FILE");
        }

        if (packed is not null)
        {
            return File.ReadAllBytes(packed);
        }

        try
        {
            return WotId.Identity.Dids.Iota.IotaDidDocumentPacking.Pack(File.ReadAllText(document!), metadata);
        }
        catch (WotId.Identity.IdentityFormatException ex)
        {
            throw new CliUsageException($"--document: {ex.Message}");
        }
    }

    /// <summary>The --packed / --document pair of publish and update.</summary>
    protected static Symbol[] DocumentOptions(string packedHelp) =>
    [
        CliSymbols.Value("--packed", "FILE", packedHelp),
        CliSymbols.Value("--document", "FILE", "a DID document as JSON (id did:0:0, the placeholder, or the did:iota), packed by wotid"),
    ];

    /// <summary>The Identity object ID of a DID argument: <c>did:iota:[network:]0x…</c> or the bare object ID.</summary>
    protected static IotaAddress IdentityOf(CliArguments arguments)
    {
        string did = arguments.RequirePositional(0, "DID");
        string tag = did.StartsWith("did:iota:", StringComparison.Ordinal) ? did[(did.LastIndexOf(':') + 1)..] : did;
        return IotaAddress.TryParse(tag, out IotaAddress id) && tag.Length == 66
            ? id
            : throw new CliUsageException($"{did} is not did:iota:[network:]0x<64 hex> or an object id");
    }
}
