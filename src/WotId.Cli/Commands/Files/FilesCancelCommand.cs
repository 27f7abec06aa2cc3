namespace WotId.Cli.Commands.Files;

/// <summary><c>wotid files cancel ID</c>.</summary>
internal sealed class FilesCancelCommand() : FilesIdVerbCommand(
    "cancel",
    "cancelled",
    "cancel a transfer in either direction (the other side is told; partial data is deleted)",
    static (node, id, cancellationToken) => node.CancelFileAsync(id, cancellationToken));
