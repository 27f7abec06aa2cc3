// /v1/files and /v1/contacts/{contact}/file-auto-accept (docs/node.md "Control API", docs/files.md): offer a file
// on the node's machine, list transfers, accept, decline, cancel, auto-accept. Paths are paths on the node's machine
// (the API is local only) and must be absolute: the node's working directory is not the caller's.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>File transfer endpoints.</summary>
internal static class FileEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, IWotIdNode node, FileUploads uploads)
    {
        routes.MapPost("/v1/files", async Task<Ok<FileTransferSummary>> (SendFileRequest request, CancellationToken ct) =>
                TypedResults.Ok(await node.SendFileAsync(
                    ControlApiInput.Contact(request.Contact, "contact"), ControlApiInput.LocalPath(request.Path, "path"), ct).ConfigureAwait(false)))
            .WithName("SendFile")
            .WithTags("files")
            .WithSummary("Offers the file at an absolute path on the node's machine to a contact; returns the new transfer (queued or offered).")
            .WithControlApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable);

        routes.MapPost("/v1/files/upload", (HttpContext context, string? contact, string? name, CancellationToken ct) =>
                uploads.UploadAsync(context, contact, name, ct))
            .WithName("UploadFile")
            .WithTags("files")
            .WithSummary("Stores the request body (application/octet-stream, at most the node's upload limit) in the profile and offers it to `contact` as `name` (the web page's drag and drop).")
            .Accepts<System.IO.Stream>(FileUploads.ContentType)
            .Produces<FileTransferSummary>(StatusCodes.Status200OK)
            .WithControlApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status503ServiceUnavailable);

        routes.MapGet("/v1/files", async Task<Ok<IReadOnlyList<FileTransferSummary>>> (CancellationToken ct) =>
                TypedResults.Ok(await node.GetFileTransfersAsync(ct).ConfigureAwait(false)))
            .WithName("GetFileTransfers")
            .WithTags("files")
            .WithSummary("All file transfers, incoming and outgoing, newest first.")
            .WithControlApiErrors();

        routes.MapPost("/v1/files/{id}/accept", async Task<Ok<FileTransferSummary>> (string id, AcceptFileRequest? request, CancellationToken ct) =>
            {
                string? directory = request?.Directory is null ? null : ControlApiInput.LocalPath(request.Directory, "directory");
                return TypedResults.Ok(await node.AcceptFileAsync(ControlApiInput.FileIdFromPath(id), directory, ct).ConfigureAwait(false));
            })
            .WithName("AcceptFile")
            .WithTags("files")
            .WithSummary("Accepts an incoming offer; the verified file is saved in `directory` (absolute) or the node's download directory.")
            .WithControlApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        routes.MapPost("/v1/files/{id}/decline", async Task<Ok<FileTransferSummary>> (string id, CancellationToken ct) =>
                TypedResults.Ok(await node.DeclineFileAsync(ControlApiInput.FileIdFromPath(id), ct).ConfigureAwait(false)))
            .WithName("DeclineFile")
            .WithTags("files")
            .WithSummary("Declines an incoming offer (the sender is told).")
            .WithControlApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        routes.MapPost("/v1/files/{id}/cancel", async Task<Ok<FileTransferSummary>> (string id, CancellationToken ct) =>
                TypedResults.Ok(await node.CancelFileAsync(ControlApiInput.FileIdFromPath(id), ct).ConfigureAwait(false)))
            .WithName("CancelFile")
            .WithTags("files")
            .WithSummary("Cancels a transfer in either direction (the other side is told); partial data is deleted.")
            .WithControlApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        routes.MapPut("/v1/contacts/{contact}/file-auto-accept", async Task<NoContent> (string contact, FileAutoAcceptRequest request, CancellationToken ct) =>
            {
                await node.SetFileAutoAcceptAsync(ControlApiInput.ContactFromPath(contact), request.Enabled, ct).ConfigureAwait(false);
                return TypedResults.NoContent();
            })
            .WithName("SetFileAutoAccept")
            .WithTags("files")
            .WithSummary("Accept files from the contact without asking (into the download directory), or stop doing so.")
            .WithControlApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }
}
