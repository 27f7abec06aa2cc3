// The parameters of a soak run (SoakConsole's command line).
using System;

namespace WotId.Benchmarks.Libp2p;

/// <summary>Peers, rate per peer, seconds, hostile share in percent, and the honest clients' timeouts.</summary>
internal sealed record SoakSettings(int Peers, int Rate, int Seconds, int HostilePercent)
{
    /// <summary>The honest clients' Yamux keep-alive interval.</summary>
    public TimeSpan KeepAlive { get; init; }

    /// <summary>How long an honest client's keep-alive ping may stay unanswered before its connection fails.</summary>
    public TimeSpan PingTimeout { get; init; }

    /// <summary>How long after the sending period the peers may still wait for acknowledgements.</summary>
    public TimeSpan Drain { get; init; }
}
