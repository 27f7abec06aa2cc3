using System.Collections.Generic;

namespace WotId.Mailbox;

/// <summary>One page of <see cref="IMailbox.ListAsync"/>.</summary>
/// <param name="Messages">The messages of this page, pending ones before archived ones.</param>
/// <param name="NextCursor">Opaque cursor of the next page, or <c>null</c> at the end of the listing.</param>
public sealed record MessagePage(IReadOnlyList<MessageInfo> Messages, string? NextCursor);
