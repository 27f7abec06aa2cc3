// The I/O half of /wotid/handshake/1.0.0 (docs/node.md "Handshake"): runs HandshakeInitiator / HandshakeResponder on
// one libp2p stream with uvarint length-prefixed frames (LengthPrefixed, at most HandshakePolicy.MaxFrameBytes each).
// The whole run is bounded by HandshakePolicy.Timeout on the policy's TimeProvider. A side that fails sends its
// signed error frame, half-closes and waits (bounded by the same timeout) for the peer to end the stream, so the
// peer reads the reason before the connection closes.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Protocols;

namespace WotId.Node.Handshake;

/// <summary>Runs the handshake state machines on a stream.</summary>
internal static class HandshakeProtocol
{
    public static async Task<HandshakeOutcome> RunInitiatorAsync(HandshakeServices s, Libp2pStream stream, HandshakeInitiator handshake, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(s.Policy.Timeout, s.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HandshakeStep step;
        try
        {
            HandshakeStep start = handshake.Start();
            Log.Step(s.Logger, "1 made", true);
            await SendAsync(s, stream, start, linked.Token).ConfigureAwait(false);
            Log.Step(s.Logger, "1 sent", true);
            byte[] share = await ReadAsync(s, stream, linked.Token).ConfigureAwait(false);
            Log.Step(s.Logger, "2 read", true);
            step = await handshake.ReceiveShareAsync(share, linked.Token).ConfigureAwait(false);
            Log.Step(s.Logger, "2 checked, 3 made", true);
            if (step.Failure is null)
            {
                await SendAsync(s, stream, step, linked.Token).ConfigureAwait(false);
                Log.Step(s.Logger, "3 sent", true);
                byte[] confirm = await ReadAsync(s, stream, linked.Token).ConfigureAwait(false);
                Log.Step(s.Logger, "4 read", true);
                step = await handshake.ReceiveConfirmAsync(confirm, linked.Token).ConfigureAwait(false);
                Log.Step(s.Logger, "4 checked", true);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            step = handshake.Abandon(TimedOut(s));
        }
        catch (HandshakeException ex)
        {
            step = handshake.Abandon(ex);
        }

        return await FinishAsync(s, stream, step, null, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<HandshakeOutcome> RunResponderAsync(HandshakeServices s, Libp2pStream stream, HandshakeResponder handshake, Action? beforeConfirm, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(s.Policy.Timeout, s.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HandshakeStep step;
        try
        {
            byte[] request = await ReadAsync(s, stream, linked.Token).ConfigureAwait(false);
            Log.Step(s.Logger, "1 read", false);
            step = await handshake.ReceiveRequestAsync(request, linked.Token).ConfigureAwait(false);
            Log.Step(s.Logger, "1 checked, 2 made", false);
            if (step.Failure is null)
            {
                await SendAsync(s, stream, step, linked.Token).ConfigureAwait(false);
                Log.Step(s.Logger, "2 sent", false);
                byte[] share = await ReadAsync(s, stream, linked.Token).ConfigureAwait(false);
                Log.Step(s.Logger, "3 read", false);
                step = await handshake.ReceiveShareAsync(share, linked.Token).ConfigureAwait(false);
                Log.Step(s.Logger, "3 checked, 4 made", false);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            step = handshake.Abandon(TimedOut(s));
        }
        catch (HandshakeException ex)
        {
            step = handshake.Abandon(ex);
        }

        return await FinishAsync(s, stream, step, beforeConfirm, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HandshakeOutcome> FinishAsync(HandshakeServices s, Libp2pStream stream, HandshakeStep step, Action? beforeConfirm, CancellationToken cancellationToken)
    {
        using var bound = new CancellationTokenSource(s.Policy.Timeout, s.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token);
        if (step.Outcome is { } outcome)
        {
            // The responder opens its gate before confirming, so the initiator's first gated stream is served.
            beforeConfirm?.Invoke();
            await SendAsync(s, stream, step, linked.Token).ConfigureAwait(false);
            Log.Step(s.Logger, "done", outcome.IsInitiator);
            return outcome;
        }

        HandshakeException failure = step.Failure!;
        try
        {
            await SendAsync(s, stream, step, linked.Token).ConfigureAwait(false);
            stream.CompleteWrites();
            if (step.Send is not null)
            {
                // Let the peer read the error before the connection closes: wait for it to end the stream.
                var sink = new byte[512];
                while (await stream.ReadAsync(sink, linked.Token).ConfigureAwait(false) > 0)
                {
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer is gone or silent: the failure stands as it is.
        }

        throw failure;
    }

    private static async ValueTask SendAsync(HandshakeServices s, Libp2pStream stream, HandshakeStep step, CancellationToken cancellationToken)
    {
        if (step.Send is not { } frame)
        {
            return;
        }

        byte[]? bytes = s.OutgoingFrameFilter is { } filter ? filter(step.MessageNumber, frame) : frame;
        if (bytes is null)
        {
            return;
        }

        try
        {
            await LengthPrefixed.WriteAsync(stream, bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new HandshakeException(HandshakeFailureReason.MalformedMessage, false, "the handshake stream failed", ex);
        }
    }

    private static async ValueTask<byte[]> ReadAsync(HandshakeServices s, Libp2pStream stream, CancellationToken cancellationToken)
    {
        try
        {
            return await LengthPrefixed.ReadAsync(stream, s.Policy.MaxFrameBytes, cancellationToken).ConfigureAwait(false)
                ?? throw new HandshakeException(HandshakeFailureReason.MalformedMessage, false, "the peer ended the handshake stream early");
        }
        catch (LengthPrefixedException ex)
        {
            throw new HandshakeException(HandshakeFailureReason.MalformedMessage, false, "bad handshake frame: " + ex.Error, ex);
        }
        catch (IOException ex)
        {
            throw new HandshakeException(HandshakeFailureReason.MalformedMessage, false, "the handshake stream failed", ex);
        }
    }

    private static HandshakeException TimedOut(HandshakeServices s) =>
        new(HandshakeFailureReason.Timeout, false, $"no answer within {s.Policy.Timeout.TotalSeconds:0.###} s");
}
