// /v1/messages, /v1/inbox, /v1/conversations (docs/node.md "Control API").
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>Send, inbox, conversation, mark read.</summary>
internal static class MessageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, IWotIdNode node)
    {
        routes.MapPost("/v1/messages", async Task<Ok<SentMessage>> (SendTextRequest request, CancellationToken ct) =>
                TypedResults.Ok(await node.SendTextAsync(
                    ControlApiInput.Contact(request.To, "to"), ControlApiInput.Text(request.Text), ct).ConfigureAwait(false)))
            .WithName("SendText")
            .WithTags("messages")
            .WithSummary("Sends a chat.text; returns once acknowledged by the contact's node or deposited in its mailbox.")
            .WithControlApiErrors(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status503ServiceUnavailable);

        routes.MapGet("/v1/inbox", async Task<Ok<IReadOnlyList<InboxMessage>>> (string? contact, CancellationToken ct) =>
                TypedResults.Ok(await node.GetInboxAsync(
                    contact is null ? null : ControlApiInput.Contact(contact, "contact"), ct).ConfigureAwait(false)))
            .WithName("GetInbox")
            .WithTags("messages")
            .WithSummary("Received messages, oldest first, of one contact or of all.")
            .WithControlApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        routes.MapGet("/v1/conversations/{contact}", async Task<Ok<IReadOnlyList<ConversationEntry>>> (string contact, int? limit, CancellationToken ct) =>
                TypedResults.Ok(await node.GetConversationAsync(
                    ControlApiInput.ContactFromPath(contact), ControlApiInput.Limit(limit), ct).ConfigureAwait(false)))
            .WithName("GetConversation")
            .WithTags("messages")
            .WithSummary("The conversation with a contact, oldest first, the last `limit` entries (default 100).")
            .WithControlApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        routes.MapPost("/v1/messages/{id}/read", async Task<NoContent> (string id, MarkReadRequest request, CancellationToken ct) =>
            {
                await node.MarkReadAsync(
                    ControlApiInput.Contact(request.Contact, "contact"), ControlApiInput.MessageId(id), ct).ConfigureAwait(false);
                return TypedResults.NoContent();
            })
            .WithName("MarkRead")
            .WithTags("messages")
            .WithSummary("Marks a received message read and sends a read receipt to its sender.")
            .WithControlApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }
}
