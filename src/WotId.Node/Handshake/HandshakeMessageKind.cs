namespace WotId.Node.Handshake;

/// <summary>The four handshake messages (docs/node.md "Handshake").</summary>
internal enum HandshakeMessageKind
{
    /// <summary><c>vc.request</c>: the initiator asks for a VerifiedHuman presentation.</summary>
    Request = 1,

    /// <summary><c>vc.share</c> with a presentation (and, from the responder, a prekey bundle).</summary>
    Share,

    /// <summary><c>vc.share</c> with <c>"result": "ok"</c>: the responder accepted the initiator.</summary>
    Confirm,

    /// <summary><c>vc.share</c> with <c>"error"</c>: the sender rejected the handshake.</summary>
    Error,
}
