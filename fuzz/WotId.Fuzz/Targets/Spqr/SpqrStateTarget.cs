// Fuzz target: serialized SPQR session state (SpqrSession.Deserialize); a state that loads must round-trip, and a
// state with libsignal's jump limit must also send, receive and serialize without anything but SpqrException.
using System;
using WotId.Signal.Spqr;

namespace WotId.Fuzz.Targets.Spqr;

/// <summary>Loads arbitrary bytes as a session state and exercises what loads.</summary>
/// <remarks>
/// A state may carry a forward-jump limit up to <see cref="SpqrParameters.LargestLimit"/> (2^20, the self-session
/// limit). One receive on such a state may derive that many chain keys: seconds of work, which AFL reports as a hang,
/// and a hang kills SharpFuzz's single process (its fork server). States above libsignal's 25,000 are therefore
/// loaded and round-tripped only; the decoder itself rejects anything above the largest limit.
/// </remarks>
public sealed class SpqrStateTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "spqr-state";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        SpqrSession session;
        try
        {
            session = SpqrSession.Deserialize(input);
        }
        catch (SpqrException)
        {
            return;
        }

        if (!input.SequenceEqual(session.Serialize()))
        {
            throw new InvalidOperationException("state does not round-trip");
        }

        if (session.MaxJump > SpqrParameters.DefaultMaxJump)
        {
            return;
        }

        try
        {
            using var rng = new FixedSeedRandom(3);
            SpqrSendResult sent = session.Send(rng);
            session.Clone().Receive(sent.Message);
        }
        catch (SpqrException)
        {
            // documented rejection of an inconsistent state or message
        }
    }
}
