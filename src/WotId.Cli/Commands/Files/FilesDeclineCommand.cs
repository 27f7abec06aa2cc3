namespace WotId.Cli.Commands.Files;

/// <summary><c>wotid files decline ID</c>.</summary>
internal sealed class FilesDeclineCommand() : FilesIdVerbCommand(
    "decline",
    "declined",
    "decline an incoming file (the sender is told)",
    static (node, id, cancellationToken) => node.DeclineFileAsync(id, cancellationToken));
