// Fuzz target: SPQR field-5 messages (SparsePostQuantumRatchet V1 framing) through the parser and a live session.
using System;
using System.Security.Cryptography;
using WotId.Signal.Spqr;

namespace WotId.Fuzz.Targets.Spqr;

/// <summary>Parses arbitrary bytes as an SPQR message and feeds them to fresh sessions of both directions.</summary>
public sealed class SpqrMessageTarget : IFuzzTarget
{
    private static readonly byte[] s_authKey = new byte[32];

    /// <inheritdoc />
    public string Name => "spqr-message";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        foreach (SpqrDirection direction in new[] { SpqrDirection.A2B, SpqrDirection.B2A })
        {
            SpqrSession session = SpqrSession.Create(direction, s_authKey, SpqrParameters.Default);
            byte[] before = session.Serialize();
            try
            {
                byte[]? key = session.Receive(input);
                if (key is not null && key.Length != 32)
                {
                    throw new InvalidOperationException("SPQR key of the wrong size");
                }

                session.Send(RandomNumberGenerator.Create());
            }
            catch (SpqrException)
            {
                if (!before.AsSpan().SequenceEqual(session.Serialize()))
                {
                    throw new InvalidOperationException("failed receive changed the session");
                }
            }
        }
    }
}
