// wot.id message reception (docs/messages.md §5): what a verified TSP message carried.
using WotId.Tsp.Replay;
using WotId.Tsp.Wire;

namespace WotId.Tsp.Messages;

/// <summary>A verified TSP message and, for application data, the parsed wot.id message and the replay verdict.</summary>
public sealed class WotReceivedMessage
{
    internal WotReceivedMessage(TspOpenedMessage tsp, WotMessage? message, ReplayVerdict? replay)
    {
        Tsp = tsp;
        Message = message;
        Replay = replay;
    }

    /// <summary>The verified TSP message (sender, receiver, payload).</summary>
    public TspOpenedMessage Tsp { get; }

    /// <summary>The wot.id message of an XSCS payload; null for relationship-forming payloads.</summary>
    public WotMessage? Message { get; }

    /// <summary>The replay verdict of <see cref="Message"/>; null when there is no message.</summary>
    public ReplayVerdict? Replay { get; }

    /// <summary>True for an application message that passed the replay window.</summary>
    public bool IsFreshMessage => Message is not null && Replay == ReplayVerdict.Accepted;
}
