// Directions of FileTransferSummary; stable strings (scripts and the web page match on them).
namespace WotId.Node.Api;

/// <summary>The directions of a <see cref="FileTransferSummary"/>.</summary>
public static class FileTransferDirections
{
    /// <summary>A contact offers this node a file.</summary>
    public const string Incoming = "incoming";

    /// <summary>This node offers a contact a file.</summary>
    public const string Outgoing = "outgoing";
}
