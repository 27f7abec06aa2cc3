// Transfer ids on the command line: the full id, or any prefix or suffix of it that only one transfer has (the short
// id `wotid files` shows is the last 8 characters).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Files;

/// <summary>Resolves an id prefix.</summary>
internal static class TransferIds
{
    /// <summary>Longest id accepted on the command line (the wot.id message id bound).</summary>
    public const int MaxLength = 128;

    /// <summary>The full id of the one transfer whose id starts or ends with <paramref name="given"/>; the text itself when none does (the node then says unknown_file).</summary>
    public static async Task<string> ResolveAsync(IWotIdNode node, string given, CancellationToken cancellationToken)
    {
        IReadOnlyList<FileTransferSummary> transfers = await node.GetFileTransfersAsync(cancellationToken).ConfigureAwait(false);
        return Resolve(transfers, given);
    }

    internal static string Resolve(IReadOnlyList<FileTransferSummary> transfers, string given)
    {
        if (transfers.Any(t => t.Id == given))
        {
            return given;
        }

        List<string> matches = [.. transfers.Where(t => t.Id.StartsWith(given, StringComparison.Ordinal) || t.Id.EndsWith(given, StringComparison.Ordinal)).Select(t => t.Id).Distinct(StringComparer.Ordinal)];
        return matches.Count switch
        {
            0 => given,
            1 => matches[0],
            _ => throw new CliUsageException($"'{given}' matches {matches.Count} transfers ({string.Join(", ", matches.Take(4).Select(TransferText.ShortId))})", "give the short id `wotid files` shows, or more characters of the id"),
        };
    }

    /// <summary>The ID argument of the verbs on one transfer.</summary>
    public static System.CommandLine.Argument<string> Argument() =>
        CliSymbols.Positional("ID", "the transfer id, the short id `wotid files` shows, or any unique prefix or suffix");

    /// <summary>Checks the ID argument before the node is opened.</summary>
    public static void Validate(CliArguments arguments)
    {
        string id = arguments.RequirePositional(0, "ID");
        if (id.Length is 0 or > MaxLength)
        {
            throw new CliUsageException($"ID must be 1..{MaxLength} characters");
        }
    }
}
