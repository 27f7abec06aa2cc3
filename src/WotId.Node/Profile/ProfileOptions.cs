// Options for creating and opening a profile.
using System;
using WotId.Node.Storage;

namespace WotId.Node.Profile;

/// <summary>How a profile is created or opened.</summary>
public sealed class ProfileOptions
{
    /// <summary>The clock (prekey ages, row timestamps); the system clock when null.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Whether <see cref="Profile.CreateAsync(string, string, string, ProfileOptions?, System.Threading.CancellationToken)"/> creates an embedded mailbox (default true).</summary>
    public bool CreateEmbeddedMailbox { get; init; } = true;

    /// <summary>
    /// The embedded mailbox database of a new profile; null puts it inside the profile (<c>mailbox/mailbox.db</c>).
    /// Profiles on one machine that name the same file reach each other's mailboxes across processes.
    /// </summary>
    public string? MailboxDatabasePath { get; init; }

    /// <summary>
    /// Where a new profile's node listens (multiaddrs). A TCP port 0 is replaced by a free port when the profile is
    /// created, so that the addresses in invitations stay valid across restarts. Default: <see cref="DefaultListenAddresses"/>.
    /// </summary>
    public System.Collections.Generic.IReadOnlyList<string>? ListenAddresses { get; init; }

    /// <summary>The default listen address of a new profile: loopback TCP on a free port.</summary>
    public static System.Collections.Generic.IReadOnlyList<string> DefaultListenAddresses { get; } = ["/ip4/127.0.0.1/tcp/0"];

    /// <summary>Argon2id cost of a new profile; only tests lower it (<see cref="KdfParameters.Default"/> otherwise).</summary>
    internal KdfParameters Kdf { get; init; } = KdfParameters.Default;

    /// <summary>Prekey pool sizes and ages; only tests change them.</summary>
    internal PreKeyPolicy PreKeys { get; init; } = PreKeyPolicy.Default;
}
