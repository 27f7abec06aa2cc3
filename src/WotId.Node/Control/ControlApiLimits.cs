// Bounds the control API enforces before a request reaches the node (docs/node.md "Control API").
using WotId.Node.Invitations;

namespace WotId.Node.Control;

/// <summary>Request and response bounds of the control API.</summary>
internal static class ControlApiLimits
{
    /// <summary>
    /// Longest chat text in UTF-16 code units: the wot.id <c>chat.text</c> content bound (WotId.Tsp
    /// <c>WotMessageSchemas.MaxChatText</c>, docs/messages.md).
    /// </summary>
    public const int MaxTextLength = 16_384;

    /// <summary>
    /// Largest request body. A text of <see cref="MaxTextLength"/> code units written with JSON <c>\uXXXX</c> escapes
    /// is 98,304 bytes; 128 KiB holds it with its envelope, and an invitation (16,384 characters) easily.
    /// </summary>
    public const long MaxRequestBodyBytes = 128 * 1024;

    /// <summary>Longest invitation URI (<see cref="InvitationLimits.MaxUriLength"/>).</summary>
    public const int MaxInvitationLength = InvitationLimits.MaxUriLength;

    /// <summary>Longest contact reference (a name or a DID fingerprint) in a path, query or body.</summary>
    public const int MaxContactLength = 256;

    /// <summary>Longest message id (the wot.id message id bound).</summary>
    public const int MaxMessageIdLength = 128;

    /// <summary>Longest file transfer id (a wot.id message id).</summary>
    public const int MaxFileIdLength = MaxMessageIdLength;

    /// <summary>Longest local path (Linux PATH_MAX is 4096 bytes).</summary>
    public const int MaxPathLength = 4096;

    /// <summary>Longest uploaded file name (Linux NAME_MAX is 255 bytes).</summary>
    public const int MaxFileNameLength = 255;

    /// <summary>Default of <see cref="ControlApiOptions.MaxUploadBytes"/>: 8 GiB.</summary>
    public const long DefaultMaxUploadBytes = 8L * 1024 * 1024 * 1024;

    /// <summary>Largest <c>limit</c> of a conversation request.</summary>
    public const int MaxConversationLimit = 10_000;

    /// <summary>Largest response the client buffers (a long contact list or conversation).</summary>
    public const int MaxResponseBytes = 32 * 1024 * 1024;

    /// <summary>Largest server-sent event the client accepts (a received text of 16,384 escaped code units fits).</summary>
    public const int MaxEventBytes = 256 * 1024;

    /// <summary>Largest <c>control.json</c> / <c>control.token</c> the client reads.</summary>
    public const int MaxControlFileBytes = 4096;

    /// <summary>Requests served at once (event streams included).</summary>
    public const int MaxConnections = 64;
}
