// File transfer (docs/files.md): not implemented yet; every operation says so.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Node.Control;

public sealed partial class ControlApiClient
{
    /// <inheritdoc />
    public Task<FileTransferSummary> SendFileAsync(string contact, string path, CancellationToken cancellationToken = default) => throw NotYet();

    /// <inheritdoc />
    public Task<IReadOnlyList<FileTransferSummary>> GetFileTransfersAsync(CancellationToken cancellationToken = default) => throw NotYet();

    /// <inheritdoc />
    public Task<FileTransferSummary> AcceptFileAsync(string id, string? directory = null, CancellationToken cancellationToken = default) => throw NotYet();

    /// <inheritdoc />
    public Task<FileTransferSummary> DeclineFileAsync(string id, CancellationToken cancellationToken = default) => throw NotYet();

    /// <inheritdoc />
    public Task<FileTransferSummary> CancelFileAsync(string id, CancellationToken cancellationToken = default) => throw NotYet();

    /// <inheritdoc />
    public Task SetFileAutoAcceptAsync(string contact, bool enabled, CancellationToken cancellationToken = default) => throw NotYet();

    private static NotSupportedException NotYet() => new("file transfer is not implemented yet (docs/files.md)");
}
