// GET /v1/status, GET /v1/invitation and GET /v1/invitation/qr (docs/node.md "Control API").
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WotId.Node.Api;
using WotId.Node.Control.Web;
using WotId.Node.Invitations;

namespace WotId.Node.Control;

/// <summary>The node's own status and invitation.</summary>
internal static class StatusEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, IWotIdNode node)
    {
        routes.MapGet("/v1/status", async Task<Ok<NodeStatus>> (CancellationToken ct) =>
                TypedResults.Ok(await node.GetStatusAsync(ct).ConfigureAwait(false)))
            .WithName("GetStatus")
            .WithTags("node")
            .WithSummary("Who this node is, where it listens, its credential, mailbox and counts.")
            .WithControlApiErrors();

        routes.MapGet("/v1/invitation", async Task<Ok<InvitationResponse>> (CancellationToken ct) =>
                TypedResults.Ok(new InvitationResponse(await node.CreateInvitationAsync(ct).ConfigureAwait(false))))
            .WithName("CreateInvitation")
            .WithTags("node")
            .WithSummary("A fresh signed wotid: invitation of this node.")
            .WithControlApiErrors(StatusCodes.Status409Conflict);

        routes.MapGet("/v1/invitation/qr", async Task<Ok<InvitationQrResponse>> (CancellationToken ct) =>
            {
                string uri = await node.CreateInvitationAsync(ct).ConfigureAwait(false);
                IReadOnlyList<string> parts;
                try
                {
                    parts = InvitationQr.Split(uri);
                }
                catch (InvitationException e)
                {
                    throw new NodeException(NodeError.Failed, "the node made an invitation that cannot be split into QR codes: " + e.Message);
                }

                return TypedResults.Ok(new InvitationQrResponse(uri, parts, [.. parts.Select(QrSvg.Render)]));
            })
            .WithName("CreateInvitationQr")
            .WithTags("node")
            .WithSummary("A fresh signed wotid: invitation with its QR code texts and one SVG image per code.")
            .WithControlApiErrors(StatusCodes.Status409Conflict);
    }
}
