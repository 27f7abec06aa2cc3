// wot.id replay protection (docs/messages.md "Replay window"): the outcome of one check.
namespace WotId.Tsp.Replay;

/// <summary>What the replay window decided about a message.</summary>
public enum ReplayVerdict
{
    /// <summary>New message inside the window: accepted and remembered.</summary>
    Accepted = 0,

    /// <summary>This id was already seen inside the window.</summary>
    Duplicate,

    /// <summary>The timestamp is older than the window (or older than an id the window had to forget).</summary>
    TooOld,

    /// <summary>The timestamp is further in the future than the allowed clock skew.</summary>
    TooFarInFuture,
}
