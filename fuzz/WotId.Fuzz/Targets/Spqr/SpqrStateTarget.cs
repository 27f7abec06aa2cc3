// Fuzz target: serialized SPQR session state (SpqrSession.Deserialize); a state that loads must also send,
// receive and serialize without anything but SpqrException.
using System;
using System.Security.Cryptography;
using WotId.Signal.Spqr;

namespace WotId.Fuzz.Targets.Spqr;

/// <summary>Loads arbitrary bytes as a session state and exercises what loads.</summary>
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

        try
        {
            SpqrSendResult sent = session.Send(RandomNumberGenerator.Create());
            session.Clone().Receive(sent.Message);
        }
        catch (SpqrException)
        {
            // documented rejection of an inconsistent state or message
        }
    }
}
