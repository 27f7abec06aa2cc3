// The result of MessageSealer.OpenAndStoreAsync.
using WotId.Node.Storage;
using WotId.Tsp.Messages;

namespace WotId.Node.Messaging;

/// <summary>An opened incoming message.</summary>
/// <param name="Contact">The sender.</param>
/// <param name="Message">
/// The verified wot.id message; null only when <paramref name="Duplicate"/> is true and Signal recognised the copy
/// before decryption (a message key already used), so the content is not known again.
/// </param>
/// <param name="Duplicate">True when the message had been stored before: nothing new was stored, answer ACK duplicate.</param>
/// <param name="FileApplied">For a file message: whether it changed a file transfer (FileTransferStore.Apply) in the storing transaction.</param>
internal sealed record OpenedMessage(Contact Contact, WotMessage? Message, bool Duplicate, bool FileApplied = false);
