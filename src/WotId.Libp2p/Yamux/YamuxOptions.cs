// Yamux session settings. Defaults follow libp2p/specs yamux/README.md (256 KiB initial window, 256 ACK backlog)
// and the js-yamux / go-libp2p defaults (16 MiB max window, 1000 streams, 30 s keep-alive).
using System;

namespace WotId.Libp2p.Yamux;

/// <summary>Limits and timers of a <see cref="YamuxSession"/>.</summary>
public sealed class YamuxOptions
{
    /// <summary>The initial window of every stream in both directions. Fixed by the spec: never change it.</summary>
    public const int InitialWindow = 256 * 1024;

    /// <summary>Shared default options.</summary>
    public static YamuxOptions Default { get; } = new();

    /// <summary>Largest receive window a stream may grow to through auto-tuning (default 16 MiB).</summary>
    public int MaxWindow { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// Most bytes of receive window all streams of one session may hold together before auto-tuning stops growing any
    /// of them (default 32 MiB). Every stream keeps its fixed 256 KiB initial window regardless; this caps growth, so
    /// a peer that inflates the RTT (by answering pings late) cannot make every stream grow to <see cref="MaxWindow"/>.
    /// </summary>
    public long MaxReceiveBuffer { get; init; } = 32L * 1024 * 1024;

    /// <summary>
    /// The smallest RTT auto-tuning assumes (default 10 ms). On loopback and LANs the measured RTT is well below a
    /// millisecond, shorter than one scheduling quantum of a loaded machine, so "updates within 4 × RTT" would never
    /// hold and windows would never grow; with the floor a stream grows once its reader drains half a window within
    /// 40 ms, i.e. reads at 3 MiB/s or more, which is when a larger window pays off. It is no defence against a peer
    /// that inflates the RTT: <see cref="MaxReceiveBuffer"/> is.
    /// </summary>
    public TimeSpan MinAutoTuneRtt { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Largest Data payload this side sends in one frame (default 65,507 bytes, so a header plus payload fills
    /// exactly one Noise transport message of 65,519 plaintext bytes).
    /// </summary>
    public int MaxFramePayload { get; init; } = 65_519 - YamuxFrameHeader.Size;

    /// <summary>Most inbound streams open at once (default 1000, js-yamux's default).</summary>
    public int MaxInboundStreams { get; init; } = 1000;

    /// <summary>Most outbound streams open at once (default 1000).</summary>
    public int MaxOutboundStreams { get; init; } = 1000;

    /// <summary>Most inbound streams waiting for <see cref="YamuxSession.AcceptStreamAsync"/> (default 256).</summary>
    public int AcceptBacklog { get; init; } = 256;

    /// <summary>Most outbound streams not yet acknowledged by the peer (default 256, the spec's guidance).</summary>
    public int AckBacklog { get; init; } = 256;

    /// <summary>
    /// How long an outbound open may wait for a slot in the ACK backlog, and how long the peer has to acknowledge (or
    /// reset) a new stream before we reset it (default 75 s, go-yamux's StreamOpenTimeout). Either way the open fails
    /// with <see cref="YamuxError.OpenTimeout"/>. Must be positive.
    /// </summary>
    public TimeSpan OpenTimeout { get; init; } = TimeSpan.FromSeconds(75);

    /// <summary>
    /// Refused inbound streams (over a limit) tolerated per session before the peer is treated as hostile and the
    /// session fails with <see cref="YamuxError.StreamLimitExceeded"/> (default 1024).
    /// </summary>
    public int MaxRefusedStreams { get; init; } = 1024;

    /// <summary>Interval between keep-alive pings (default 30 s); <see cref="TimeSpan.Zero"/> disables them.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a ping may stay unanswered before the session fails (default 30 s).</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The clock of keep-alive pings, ping timeouts, RTT and window auto-tuning. Null (the default) uses the host's
    /// clock inside a host and <see cref="TimeProvider.System"/> elsewhere; tests pass a fake one.
    /// </summary>
    public TimeProvider? TimeProvider { get; init; }

    internal void Validate()
    {
        if (MaxWindow < InitialWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWindow), "MaxWindow must be at least 256 KiB");
        }

        if (MaxFramePayload < 1024 || MaxFramePayload > 16 * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFramePayload), "MaxFramePayload must be 1 KiB to 16 MiB");
        }

        if (MaxInboundStreams < 1 || MaxOutboundStreams < 1 || AcceptBacklog < 1 || AckBacklog < 1 || MaxRefusedStreams < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInboundStreams), "stream limits must be positive");
        }

        if (MaxReceiveBuffer < InitialWindow || MinAutoTuneRtt < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxReceiveBuffer), "MaxReceiveBuffer must be at least 256 KiB and MinAutoTuneRtt not negative");
        }

        if (OpenTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(OpenTimeout), "OpenTimeout must be positive");
        }
    }
}
