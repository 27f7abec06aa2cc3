// Fuzz target: SPQR field-5 messages (SparsePostQuantumRatchet V1 framing) through the parser and live sessions.
using System;
using WotId.Signal.Spqr;

namespace WotId.Fuzz.Targets.Spqr;

/// <summary>
/// Parses arbitrary bytes as an SPQR message and feeds them to three starting states: a fresh A2B session
/// (KeysUnsampled), a fresh B2A session (NoHeaderReceived) and an A2B session after its first send (KeysSampled).
/// A state that accepts the input must then send; a failed receive must leave the state unchanged.
/// </summary>
/// <remarks>
/// The starting states are built once per process and cloned for every input. The KeysSampled state holds an
/// ML-KEM-768 key pair generated here from a fixed seed; before, every input paid for a key generation (the first
/// send of a fresh A2B session), which does not depend on the input: an A2B session in KeysUnsampled ignores or
/// rejects every message of its own epoch and rejects any other, so its send after a receive is always the same
/// key sampling. That send is therefore not repeated per input; the KeysSampled state covers send after receive
/// on the A2B side instead.
/// The sessions use chain limits of 1,000 forward jumps and 100 out-of-order keys instead of libsignal's 25,000 and
/// 2,000: the same code paths (jump limit, key history, trimming), but a receive walks at most 1,000 chain steps. With
/// the default limits most of the time went into inputs whose key index lies thousands of steps ahead.
/// </remarks>
public sealed class SpqrMessageTarget : IFuzzTarget
{
    private static readonly byte[] s_authKey = new byte[32];
    private static readonly SpqrParameters s_limits = new(MaxJump: 1_000, MaxOooKeys: 100);
    private static readonly SpqrSession s_freshA2B = SpqrSession.Create(SpqrDirection.A2B, s_authKey, s_limits);
    private static readonly SpqrSession s_freshB2A = SpqrSession.Create(SpqrDirection.B2A, s_authKey, s_limits);
    private static readonly SpqrSession s_keysSampledA2B = KeysSampled();

    /// <inheritdoc />
    public string Name => "spqr-message";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        Exercise(s_freshA2B.Clone(), input, sendAfterReceive: false);
        Exercise(s_freshB2A.Clone(), input, sendAfterReceive: true);
        Exercise(s_keysSampledA2B.Clone(), input, sendAfterReceive: true);
    }

    private static void Exercise(SpqrSession session, ReadOnlySpan<byte> input, bool sendAfterReceive)
    {
        byte[] before = session.Serialize();
        try
        {
            byte[]? key = session.Receive(input);
            if (key is not null && key.Length != 32)
            {
                throw new InvalidOperationException("SPQR key of the wrong size");
            }

            if (sendAfterReceive)
            {
                using var rng = new FixedSeedRandom(2);
                session.Send(rng);
            }
        }
        catch (SpqrException)
        {
            if (!before.AsSpan().SequenceEqual(session.Serialize()))
            {
                throw new InvalidOperationException("failed receive changed the session");
            }
        }
    }

    private static SpqrSession KeysSampled()
    {
        SpqrSession session = SpqrSession.Create(SpqrDirection.A2B, s_authKey, s_limits);
        using var rng = new FixedSeedRandom(1);
        session.Send(rng);
        return session;
    }
}
