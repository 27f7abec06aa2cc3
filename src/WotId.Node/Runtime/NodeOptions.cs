// How WotIdNode runs (docs/node.md "Node facade"). Defaults suit people; tests shorten the intervals.
using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using WotId.Identity.Status;

namespace WotId.Node.Runtime;

/// <summary>Options of <see cref="WotIdNode"/>.</summary>
public sealed class NodeOptions
{
    /// <summary>Listen addresses; null uses the profile's (<see cref="Profile.Profile.ListenAddresses"/>).</summary>
    public IReadOnlyList<string>? ListenAddresses { get; init; }

    /// <summary>Dial + handshake + acknowledgement must finish within this time, else the message goes to the mailbox.</summary>
    public TimeSpan DirectDeliveryTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the node claims its own mailbox (it also claims at start).</summary>
    public TimeSpan MailboxPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often queued outgoing messages are retried.</summary>
    public TimeSpan OutboxRetryInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Where status list credentials come from; null: HTTP(S) with a 5-minute cache.</summary>
    public IStatusListProvider? StatusLists { get; init; }

    /// <summary>Handshake timeout.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The clock; the system clock when null.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Logging; none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Plaintext bytes per chunk of the files this node sends (docs/files.md "Limits"; tests use small chunks).</summary>
    internal int FileChunkSize { get; init; } = Files.FileProtocol.DefaultChunkSize;

    /// <summary>The receiver makes received file data durable at least every this many bytes.</summary>
    internal int FileDurableEveryBytes { get; init; } = Files.FileProtocol.DurableEveryBytes;

    /// <summary>Crash tests only: called with a <see cref="FaultPoints"/> name when that step is reached; null does nothing.</summary>
    internal Action<string>? FaultPoint { get; init; }
}
