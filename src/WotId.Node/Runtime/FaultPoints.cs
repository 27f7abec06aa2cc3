// Crash-test fault points (docs/node.md "Exactly once", table "Kill at step"): the steps of sending, depositing,
// claiming and receiving where a killed process must lose and duplicate nothing. NodeOptions.FaultPoint is called
// with one of these names when the step is reached; tests/WotId.Node.CrashHelper kills its own process there. When
// the hook is null (always, outside tests) nothing happens.
namespace WotId.Node.Runtime;

/// <summary>The stable names passed to <see cref="NodeOptions.FaultPoint"/>.</summary>
internal static class FaultPoints
{
    /// <summary>The sender sealed the message into its outbox (queued); nothing was sent yet.</summary>
    internal const string BeforeSend = "before-send";

    /// <summary>The sender wrote the MESSAGE frame to the contact; its ACK has not been read.</summary>
    internal const string AfterFrameSentBeforeAck = "after-frame-sent-before-ack";

    /// <summary>The sender deposited the envelope in the contact's mailbox; the outbox still says queued.</summary>
    internal const string AfterDeposit = "after-deposit";

    /// <summary>The receiver claimed (archived) a mailbox message; it has not read or opened it.</summary>
    internal const string AfterClaim = "after-claim";

    /// <summary>The receiver committed a directly received message to its inbox; the ACK was not written.</summary>
    internal const string AfterStoreBeforeAck = "after-store-before-ack";

    /// <summary>The receiver stored a claimed mailbox message; it has not deleted it from the mailbox.</summary>
    internal const string BeforeDelete = "before-delete";

    /// <summary>
    /// A delivery round is about to take a link to the contact (reuse or dial) for its queued messages. Not a kill step
    /// (nothing is written yet); the stop test holds a round here while the node stops.
    /// </summary>
    internal const string BeforeLink = "before-link";

    /// <summary>
    /// A sender that needs a fresh prekey bundle closed the contact's connections and has not dialled yet. Not a kill
    /// step: the test of the contact dialling in this window (docs/node.md "Sessions") makes it dial here.
    /// </summary>
    internal const string AfterFreshBundleClose = "after-fresh-bundle-close";

    /// <summary>
    /// The receiver of a file made a batch of chunks durable (fsync, then the offset in SQLite); the ACK was not written.
    /// Not in <see cref="All"/>: the resume tests break the stream here, the process crash tests of files live elsewhere.
    /// </summary>
    internal const string AfterFileChunkDurable = "after-file-chunk-durable";

    /// <summary>
    /// The sender of a file is about to open its source for a sending stream (each stream, the first included). Not in
    /// <see cref="All"/>: the test of a source changed between two streams changes it here.
    /// </summary>
    internal const string BeforeFileSendStream = "before-file-send-stream";

    /// <summary>
    /// The receiver of a file verified it and recorded its destination; the partial file was not moved there yet.
    /// Not in <see cref="All"/>: the file completion crash tests use it.
    /// </summary>
    internal const string BeforeFileMove = "before-file-move";

    /// <summary>
    /// The receiver moved the verified file to its destination; the transfer is not recorded completed yet and
    /// file.received was not queued. Not in <see cref="All"/>: the file completion crash tests use it.
    /// </summary>
    internal const string AfterFileMove = "after-file-move";

    /// <summary>
    /// The receiver queued file.received for a verified file at its destination; the transfer is not recorded
    /// completed yet. Not in <see cref="All"/>: the file completion crash tests use it.
    /// </summary>
    internal const string AfterFileReceiptQueued = "after-file-receipt-queued";

    /// <summary>Every kill step, in the order a message passes them.</summary>
    internal static readonly string[] All = [BeforeSend, AfterFrameSentBeforeAck, AfterDeposit, AfterClaim, AfterStoreBeforeAck, BeforeDelete];
}
