// `wotid send --json` and POST /v1/messages: the names `id` and `delivered` are stable.
namespace WotId.Node.Api;

/// <summary>A sent message and how it was delivered.</summary>
/// <param name="Id">The wot.id message id.</param>
/// <param name="Contact">The recipient's name.</param>
/// <param name="Delivered"><see cref="DeliveryRoutes.Direct"/> or <see cref="DeliveryRoutes.Mailbox"/>.</param>
public sealed record SentMessage(string Id, string Contact, string Delivered);
