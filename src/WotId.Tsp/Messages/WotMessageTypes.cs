// wot.id message types (wot.id-public-docs 06_P2P_Communication.md §5.2, plus receipts and files; docs/messages.md).
using System.Collections.Generic;

namespace WotId.Tsp.Messages;

/// <summary>The <c>type</c> values of wot.id messages.</summary>
public static class WotMessageTypes
{
    /// <summary>A text message.</summary>
    public const string ChatText = "chat.text";

    /// <summary>Offer to share a credential.</summary>
    public const string VcOffer = "vc.offer";

    /// <summary>Request a credential of a type.</summary>
    public const string VcRequest = "vc.request";

    /// <summary>A credential or presentation (VC-JOSE-COSE JWS or JSON object).</summary>
    public const string VcShare = "vc.share";

    /// <summary>A trust assertion about another DID.</summary>
    public const string TrustAssertion = "trust.assertion";

    /// <summary>A command for a device.</summary>
    public const string DeviceCommand = "device.command";

    /// <summary>Messages were delivered.</summary>
    public const string ReceiptDelivered = "receipt.delivered";

    /// <summary>Messages were read.</summary>
    public const string ReceiptRead = "receipt.read";

    /// <summary>Offer to send a file.</summary>
    public const string FileOffer = "file.offer";

    /// <summary>Accept a file offer.</summary>
    public const string FileAccept = "file.accept";

    /// <summary>One chunk of a file.</summary>
    public const string FileChunk = "file.chunk";

    /// <summary>All chunks were sent.</summary>
    public const string FileDone = "file.done";

    /// <summary>Decline a file offer.</summary>
    public const string FileDecline = "file.decline";

    /// <summary>Cancel a file transfer (either side), or report that it failed.</summary>
    public const string FileCancel = "file.cancel";

    /// <summary>The whole file arrived and its hash matched.</summary>
    public const string FileReceived = "file.received";

    /// <summary>The receiver cannot take the file's bytes now (e.g. its disk is full): send nothing until its next file.accept.</summary>
    public const string FilePause = "file.pause";

    /// <summary>Every type, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ChatText, VcOffer, VcRequest, VcShare, TrustAssertion, DeviceCommand,
        ReceiptDelivered, ReceiptRead, FileOffer, FileAccept, FileChunk, FileDone, FileDecline, FileCancel, FileReceived, FilePause,
    ];
}
