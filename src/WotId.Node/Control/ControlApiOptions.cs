// Options of the node's local control API (docs/node.md "Control API").
using System;
using Microsoft.Extensions.Logging;

namespace WotId.Node.Control;

/// <summary>How <see cref="ControlApiServer"/> listens.</summary>
public sealed class ControlApiOptions
{
    /// <summary>
    /// False (default): a Unix domain socket <c>control.sock</c> in the profile (mode 0600). True: 127.0.0.1 on a
    /// random port, written to <c>control.json</c> in the profile (mode 0600), for systems or tools without Unix sockets.
    /// </summary>
    public bool UseTcp { get; init; }

    /// <summary>
    /// True: also serve the chat page (docs/node.md "Chat in the browser") at <c>/</c>, with a one-time sign-in
    /// address in <see cref="ControlApiServer.WebAddress"/>; implies <see cref="UseTcp"/>.
    /// </summary>
    public bool Web { get; init; }

    /// <summary>
    /// The largest file the web page may upload with <c>POST /v1/files/upload</c> (default 8 GiB): the bytes are stored
    /// in the profile (<c>files/outgoing</c>) before they are offered, so this bounds the disk a page can fill.
    /// Transfers of files already on disk (<c>POST /v1/files</c> with a path) have no such bound.
    /// </summary>
    public long MaxUploadBytes { get; init; } = ControlApiLimits.DefaultMaxUploadBytes;

    /// <summary>Where the server logs (requests rejected by the guard, failures); none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The interval of the comment line that keeps an idle event stream open (default 15 s).</summary>
    internal TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(15);
}
