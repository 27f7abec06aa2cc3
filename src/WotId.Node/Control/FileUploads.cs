// POST /v1/files/upload (docs/node.md "Chat in the browser"): a browser cannot name a path on the node's machine, so
// the web page sends the file's bytes instead. The body is streamed (bounded buffer) to a new owner-only file
// <home>/files/outgoing/<random>/<name>, at most ControlApiOptions.MaxUploadBytes, then offered with SendFileAsync
// like any other file. The copy stays while the transfer may still need it; copies of transfers that ended
// (completed, declined, cancelled, failed) are removed at the next upload.
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>Stores uploaded files in the profile and offers them.</summary>
internal sealed class FileUploads(IWotIdNode node, string home, long maxBytes)
{
    public const string ContentType = "application/octet-stream";
    public const string RoutePath = "/v1/files/upload";

    private const int BufferBytes = 256 * 1024;

    /// <summary>
    /// How much of a chunked body past the limit is read and dropped before the 413, so that a client still sending
    /// reads the answer instead of a reset connection (HTTP/1.1 has no way to stop it); a longer body is cut off.
    /// </summary>
    private const long OverLimitDrainBytes = 1 << 20;

    /// <summary>Where uploads are kept: <c>&lt;home&gt;/files/outgoing</c>.</summary>
    public string Directory { get; } = Path.Combine(home, "files", "outgoing");

    public long MaxBytes => maxBytes;

    public async Task<IResult> UploadAsync(HttpContext context, string? contact, string? name, CancellationToken cancellationToken)
    {
        string to = ControlApiInput.Contact(contact, "contact");
        string fileName = ControlApiInput.UploadName(name);
        HttpRequest request = context.Request;
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), ContentType, StringComparison.OrdinalIgnoreCase))
        {
            await ControlApiErrors.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, ControlApiErrors.UnsupportedMediaTypeCode, "the upload body must be " + ContentType, cancellationToken).ConfigureAwait(false);
            return Results.Empty;
        }

        if (request.ContentLength > maxBytes)
        {
            return await TooLargeAsync(context, cancellationToken).ConfigureAwait(false);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes <= long.MaxValue - OverLimitDrainBytes ? maxBytes + OverLimitDrainBytes : long.MaxValue;
        }

        await RemoveEndedAsync(cancellationToken).ConfigureAwait(false);
        string folder = Path.Combine(Directory, Guid.NewGuid().ToString("N"));
        string path = Path.Combine(folder, fileName);
        try
        {
            CreateOwnerOnlyDirectory(folder);
            if (!await StoreAsync(request.Body, path, cancellationToken).ConfigureAwait(false))
            {
                System.IO.Directory.Delete(folder, recursive: true);
                return await TooLargeAsync(context, cancellationToken).ConfigureAwait(false);
            }

            return TypedResults.Ok(await node.SendFileAsync(to, path, cancellationToken).ConfigureAwait(false));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            DeleteQuietly(folder);
            return await TooLargeAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            DeleteQuietly(folder);
            throw new NodeException(NodeError.Failed, "the upload could not be stored in the profile (is the disk full?)", e);
        }
        catch
        {
            DeleteQuietly(folder);
            throw;
        }
    }

    /// <summary>Copies the body; false when it is longer than the limit (a chunked body declares no length).</summary>
    private async Task<bool> StoreAsync(Stream body, string path, CancellationToken cancellationToken)
    {
        FileStreamOptions options = new() { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = ControlApiFiles.OwnerOnly;
        }

        FileStream file = new(path, options);
        await using (file.ConfigureAwait(false))
        {
            byte[] buffer = new byte[BufferBytes];
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    // Past the limit: the rest is dropped (Kestrel ends it at OverLimitDrainBytes more), then the 413.
                    while (await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
                    {
                    }

                    return false;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            file.Flush(flushToDisk: true);
        }

        return true;
    }

    /// <summary>Removes the stored copies of uploads whose transfers ended; the node no longer reads them.</summary>
    private async Task RemoveEndedAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<FileTransferSummary> transfers;
        try
        {
            transfers = await node.GetFileTransfersAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NodeException)
        {
            return;
        }

        string prefix = Directory + Path.DirectorySeparatorChar;
        foreach (FileTransferSummary t in transfers)
        {
            if (t.Direction == FileTransferDirections.Outgoing
                && t.State is FileTransferStates.Completed or FileTransferStates.Declined or FileTransferStates.Cancelled or FileTransferStates.Failed
                && t.Path is { } stored
                && stored.StartsWith(prefix, StringComparison.Ordinal)
                && Path.GetDirectoryName(stored) is { } folder
                && Path.GetDirectoryName(folder) == Directory)
            {
                DeleteQuietly(folder);
            }
        }
    }

    private Task<IResult> TooLargeAsync(HttpContext context, CancellationToken cancellationToken) =>
        WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ControlApiErrors.PayloadTooLargeCode, $"the file is larger than the upload limit of {maxBytes} bytes", cancellationToken);

    private static async Task<IResult> WriteAsync(HttpContext context, int status, string code, string message, CancellationToken cancellationToken)
    {
        if (!context.Response.HasStarted)
        {
            await ControlApiErrors.WriteAsync(context, status, code, message, cancellationToken).ConfigureAwait(false);
        }

        return Results.Empty;
    }

    private static void CreateOwnerOnlyDirectory(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(folder);
            return;
        }

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(folder)!, ownerOnly);
        System.IO.Directory.CreateDirectory(folder, ownerOnly);
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Removed at a later upload, or by the owner.
        }
    }
}
