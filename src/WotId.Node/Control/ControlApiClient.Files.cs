// File transfer over the control API (docs/files.md, docs/node.md "Control API"): /v1/files and
// /v1/contacts/{contact}/file-auto-accept. The path is a path on the node's machine; a relative one is made absolute
// against this process's working directory first (the client and the node run on the same machine, the node's own
// working directory is not the caller's).
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Node.Control;

public sealed partial class ControlApiClient
{
    /// <inheritdoc />
    public Task<FileTransferSummary> SendFileAsync(string contact, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return PostAsync(
            "v1/files",
            JsonContent.Create(new SendFileRequest(contact, Path.GetFullPath(path)), ControlJsonContext.Default.SendFileRequest),
            ControlJsonContext.Default.FileTransferSummary,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FileTransferSummary>> GetFileTransfersAsync(CancellationToken cancellationToken = default) =>
        GetAsync("v1/files", ControlJsonContext.Default.IReadOnlyListFileTransferSummary, cancellationToken);

    /// <inheritdoc />
    public Task<FileTransferSummary> AcceptFileAsync(string id, string? directory = null, CancellationToken cancellationToken = default) =>
        PostAsync(
            "v1/files/" + Segment(id) + "/accept",
            JsonContent.Create(new AcceptFileRequest(directory is null ? null : Path.GetFullPath(directory)), ControlJsonContext.Default.AcceptFileRequest),
            ControlJsonContext.Default.FileTransferSummary,
            cancellationToken);

    /// <inheritdoc />
    public Task<FileTransferSummary> DeclineFileAsync(string id, CancellationToken cancellationToken = default) =>
        PostAsync("v1/files/" + Segment(id) + "/decline", null, ControlJsonContext.Default.FileTransferSummary, cancellationToken);

    /// <inheritdoc />
    public Task<FileTransferSummary> CancelFileAsync(string id, CancellationToken cancellationToken = default) =>
        PostAsync("v1/files/" + Segment(id) + "/cancel", null, ControlJsonContext.Default.FileTransferSummary, cancellationToken);

    /// <inheritdoc />
    public async Task SetFileAutoAcceptAsync(string contact, bool enabled, CancellationToken cancellationToken = default)
    {
        using HttpRequestMessage request = new(HttpMethod.Put, "v1/contacts/" + Segment(contact) + "/file-auto-accept")
        {
            Content = JsonContent.Create(new FileAutoAcceptRequest(enabled), ControlJsonContext.Default.FileAutoAcceptRequest),
        };
        using HttpResponseMessage response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }
}
