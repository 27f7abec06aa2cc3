// Fuzz target: SessionRecord.Deserialize.
using System;
using WotId.Signal;

namespace WotId.Fuzz.Targets.Signal;

/// <summary>Feeds arbitrary input to SessionRecord.Deserialize; only <see cref="SignalProtocolException"/> may escape.</summary>
public sealed class SessionRecordTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "signal-session-record";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            _ = WotId.Signal.State.SessionRecord.Deserialize(input);
        }
        catch (SignalProtocolException)
        {
            // Documented rejection.
        }
    }
}
