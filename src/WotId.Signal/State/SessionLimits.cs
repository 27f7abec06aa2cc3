// libsignal's limits (rust/protocol/src/consts.rs, session_management.rs, ratchet.rs spqr_chain_params), except for
// self-sessions: libsignal lifts the forward-jump limit there entirely; here it is capped so a hostile or broken
// message cannot make the receiver walk 2^32 chain steps.
using System;

namespace WotId.Signal.State;

/// <summary>Bounds kept identical to libsignal so loss and reordering behave the same way.</summary>
internal static class SessionLimits
{
    /// <summary>MAX_FORWARD_JUMPS: how far ahead in one chain a message may be.</summary>
    internal const uint MaxForwardJumps = 25_000;

    /// <summary>The forward-jump limit of self-sessions (note to self between own devices), in the Double Ratchet and SPQR: 2^20.</summary>
    internal const uint MaxSelfSessionForwardJumps = 1u << 20;

    /// <summary>MAX_MESSAGE_KEYS: skipped keys kept per chain.</summary>
    internal const int MaxMessageKeys = 2_000;

    /// <summary>MAX_RECEIVER_CHAINS: receiving chains kept per session.</summary>
    internal const int MaxReceiverChains = 5;

    /// <summary>ARCHIVED_STATES_MAX_LENGTH: previous sessions kept per record.</summary>
    internal const int MaxArchivedStates = 40;

    /// <summary>MAX_UNACKNOWLEDGED_SESSION_AGE: an unanswered session stops encrypting after this.</summary>
    internal static readonly TimeSpan MaxUnacknowledgedSessionAge = TimeSpan.FromDays(30);
}
