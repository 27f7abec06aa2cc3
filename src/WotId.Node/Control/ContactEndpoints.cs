// /v1/contacts (docs/node.md "Control API").
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>Contacts: list, show, add from an invitation, accept a changed key.</summary>
internal static class ContactEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, IWotIdNode node)
    {
        routes.MapGet("/v1/contacts", async Task<Ok<IReadOnlyList<ContactSummary>>> (CancellationToken ct) =>
                TypedResults.Ok(await node.GetContactsAsync(ct).ConfigureAwait(false)))
            .WithName("GetContacts")
            .WithTags("contacts")
            .WithSummary("All contacts, by name.")
            .WithControlApiErrors();

        routes.MapGet("/v1/contacts/{contact}", async Task<Ok<ContactSummary>> (string contact, CancellationToken ct) =>
                TypedResults.Ok(await node.GetContactAsync(ControlApiInput.ContactFromPath(contact), ct).ConfigureAwait(false)))
            .WithName("GetContact")
            .WithTags("contacts")
            .WithSummary("One contact by name or DID fingerprint.")
            .WithControlApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        routes.MapPost("/v1/contacts", async Task<Created<ContactSummary>> (AddContactRequest request, CancellationToken ct) =>
            {
                ContactSummary added = await node.AddContactAsync(
                    ControlApiInput.Invitation(request.Invitation), ControlApiInput.Name(request.Name), ct).ConfigureAwait(false);
                return TypedResults.Created("/v1/contacts/" + System.Uri.EscapeDataString(added.Name), added);
            })
            .WithName("AddContact")
            .WithTags("contacts")
            .WithSummary("Verifies a wotid: invitation (or looks a did:key up on the wot.id DHT and verifies its record) and adds its owner as a contact.")
            .WithControlApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);

        routes.MapPost("/v1/contacts/{contact}/accept-key", async Task<Ok<ContactSummary>> (string contact, CancellationToken ct) =>
                TypedResults.Ok(await node.AcceptKeyChangeAsync(ControlApiInput.ContactFromPath(contact), ct).ConfigureAwait(false)))
            .WithName("AcceptKeyChange")
            .WithTags("contacts")
            .WithSummary("Accepts a contact's changed Signal identity key; messages held for it are then sent.")
            .WithControlApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }
}
