// Fuzz target: the /wotid/handshake/1.0.0 frame decoder (TSP envelope → wot.id message → handshake payload).
using System;
using WotId.Node.Handshake;
using WotId.Tsp.Messages;
using WotId.Tsp.Wire;

namespace WotId.Fuzz.Targets.Node;

/// <summary>Feeds arbitrary frames to the handshake decoder; only the three documented format exceptions may escape it.</summary>
public sealed class HandshakeMessageTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "node-handshake-message";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            HandshakeMessageCodec.DecodeUnverified(input);
        }
        catch (TspException)
        {
            // Documented rejection: not a TSP message.
        }
        catch (WotMessageException)
        {
            // Documented rejection: not a wot.id message.
        }
        catch (HandshakeException)
        {
            // Documented rejection: not a handshake message (malformed or another version).
        }
    }
}
