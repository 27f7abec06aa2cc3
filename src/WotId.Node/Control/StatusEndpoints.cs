// GET /v1/status and GET /v1/invitation (docs/node.md "Control API").
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WotId.Node.Api;

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
    }
}
