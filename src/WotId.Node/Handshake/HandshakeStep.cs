namespace WotId.Node.Handshake;

/// <summary>
/// What one step of the sans-I/O handshake produced: a frame to send (message number 1–4, 0 for an error) and
/// either nothing more (continue), a failure (after sending the error frame, if any) or the outcome.
/// </summary>
internal sealed class HandshakeStep
{
    private HandshakeStep(int messageNumber, byte[]? send, HandshakeException? failure, HandshakeOutcome? outcome)
    {
        MessageNumber = messageNumber;
        Send = send;
        Failure = failure;
        Outcome = outcome;
    }

    public int MessageNumber { get; }

    public byte[]? Send { get; }

    public HandshakeException? Failure { get; }

    public HandshakeOutcome? Outcome { get; }

    public static HandshakeStep Continue(int messageNumber, byte[] send) => new(messageNumber, send, null, null);

    public static HandshakeStep Done(HandshakeOutcome outcome, int messageNumber = 0, byte[]? send = null) => new(messageNumber, send, null, outcome);

    public static HandshakeStep Fail(HandshakeException failure, byte[]? errorFrame) => new(0, errorFrame, failure, null);
}
