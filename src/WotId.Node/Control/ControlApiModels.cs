// Request and response bodies of the control API that are not node records (docs/node.md "Control API").
namespace WotId.Node.Control;

/// <summary>POST /v1/contacts.</summary>
/// <param name="Invitation">The <c>wotid:</c> invitation URI.</param>
/// <param name="Name">The name to give the contact; the invitation's suggested name when null.</param>
internal sealed record AddContactRequest(string Invitation, string? Name = null);

/// <summary>POST /v1/messages.</summary>
/// <param name="To">The contact's name or DID fingerprint.</param>
/// <param name="Text">The chat text.</param>
internal sealed record SendTextRequest(string To, string Text);

/// <summary>POST /v1/messages/{id}/read.</summary>
/// <param name="Contact">The contact the message came from.</param>
internal sealed record MarkReadRequest(string Contact);

/// <summary>POST /v1/files.</summary>
/// <param name="Contact">The contact's name or DID fingerprint.</param>
/// <param name="Path">The absolute path of the file on the node's machine (the control API is local only).</param>
internal sealed record SendFileRequest(string Contact, string Path);

/// <summary>POST /v1/files/{id}/accept (the body may be left out).</summary>
/// <param name="Directory">The absolute directory to save the verified file in; the node's download directory when null.</param>
internal sealed record AcceptFileRequest(string? Directory = null);

/// <summary>PUT /v1/contacts/{contact}/file-auto-accept.</summary>
/// <param name="Enabled">Whether files from the contact are accepted without asking.</param>
internal sealed record FileAutoAcceptRequest(bool Enabled);

/// <summary>GET /v1/invitation.</summary>
/// <param name="Uri">A fresh signed <c>wotid:</c> invitation of this node.</param>
internal sealed record InvitationResponse(string Uri);

/// <summary>Every error response.</summary>
/// <param name="Error">The snake_case error code (a <c>NodeError</c> name or a protocol error such as <c>payload_too_large</c>).</param>
/// <param name="Message">A short human-readable message; never a secret or a stack trace.</param>
internal sealed record ControlApiErrorBody(string Error, string Message);

/// <summary>The content of <c>control.json</c> (TCP only).</summary>
/// <param name="Url">The base URL, <c>http://127.0.0.1:PORT</c>.</param>
internal sealed record ControlEndpointFile(string Url);

/// <summary>GET /v1/invitation/qr.</summary>
/// <param name="Uri">A fresh signed <c>wotid:</c> invitation of this node.</param>
/// <param name="Parts">The QR code texts it is split into (docs/node.md "QR codes"), in order.</param>
/// <param name="Svgs">One SVG image per part.</param>
internal sealed record InvitationQrResponse(string Uri, System.Collections.Generic.IReadOnlyList<string> Parts, System.Collections.Generic.IReadOnlyList<string> Svgs);

/// <summary>POST /web/session.</summary>
/// <param name="Token">The one-time token from the address <c>wotid run --web</c> printed.</param>
internal sealed record WebSessionRequest(string Token);

/// <summary>POST and GET /web/session.</summary>
/// <param name="Csrf">The value to send in the X-Wotid-Csrf header with every API call.</param>
internal sealed record WebSessionResponse(string Csrf);

/// <summary>Body of <c>POST /v1/credential</c>: the vc+jwt.</summary>
internal sealed record ImportCredentialRequest(string Credential);
