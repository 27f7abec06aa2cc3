// POST /v1/credential (docs/node.md "Control API", "Credential"): `wotid credential import` against a running node.
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>The node's own credential.</summary>
internal static class CredentialEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, IWotIdNode node)
    {
        routes.MapPost("/v1/credential", async Task<Ok<ImportedCredential>> (ImportCredentialRequest request, CancellationToken ct) =>
                TypedResults.Ok(await node.ImportCredentialAsync(ControlApiInput.Credential(request.Credential), ct).ConfigureAwait(false)))
            .WithName("ImportCredential")
            .WithTags("node")
            .WithSummary("Verifies and stores this profile's VerifiedHuman credential (vc+jwt); new handshakes present it at once.")
            .WithControlApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity);
    }
}
