// Options of the hosted node (docs/library.md "Hosting"): bound through Microsoft.Extensions.Options, so they can be set
// in code (services.AddWotIdNode(o => ...)) or from configuration (services.Configure<WotIdNodeOptions>(section)).
// Checked by WotIdNodeOptionsValidator when the host starts.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Status;
using WotId.Node.Profile;

namespace WotId.Node.Hosting;

/// <summary>How the hosted wot.id node finds its profile, its passphrase, where it listens and what it serves.</summary>
public sealed class WotIdNodeOptions
{
    /// <summary>The default environment variable that holds the passphrase (the one <c>wotid</c> reads).</summary>
    public const string DefaultPassphraseVariable = "WOTID_PASSPHRASE";

    /// <summary>The profile's home directory (default <c>~/.wotid</c>, <see cref="Profile.Profile.DefaultHome"/>).</summary>
    public string Home { get; set; } = Profile.Profile.DefaultHome;

    /// <summary>
    /// When set and <see cref="Home"/> holds no profile yet, a profile with this name is created there at start;
    /// when null, the profile must exist (<see cref="ProfileError.NotFound"/> otherwise).
    /// </summary>
    public string? CreateProfileName { get; set; }

    /// <summary>The passphrase itself. Prefer <see cref="PassphraseProvider"/> or the environment variable in apps.</summary>
    public string? Passphrase { get; set; }

    /// <summary>The environment variable read when neither <see cref="PassphraseProvider"/> nor <see cref="Passphrase"/> is set.</summary>
    public string? PassphraseEnvironmentVariable { get; set; } = DefaultPassphraseVariable;

    /// <summary>Asks for the passphrase at start (a prompt, the platform key store); first of the three sources.</summary>
    public Func<CancellationToken, ValueTask<string>>? PassphraseProvider { get; set; }

    /// <summary>
    /// Called after the profile is opened or created and before the node starts: import a credential
    /// (<see cref="Profile.Profile.SetCredential"/>), trust issuers. The node needs a credential to start.
    /// </summary>
    public Func<Profile.Profile, CancellationToken, Task>? PrepareProfile { get; set; }

    /// <summary>Issuer DIDs added to the profile's trust list at start (nothing is removed).</summary>
    public IList<string> TrustedIssuers { get; } = new List<string>();

    /// <summary>Where the node listens (multiaddrs); empty uses the profile's. Also recorded in a profile created at start.</summary>
    public IList<string> ListenAddresses { get; } = new List<string>();

    /// <summary>Whether a profile created at start gets an embedded mailbox (default true).</summary>
    public bool CreateEmbeddedMailbox { get; set; } = true;

    /// <summary>The embedded mailbox file of a profile created at start; null keeps it inside the profile.</summary>
    public string? MailboxDatabasePath { get; set; }

    /// <summary>Serve the local control API (docs/node.md "Control API"), so that <c>wotid</c> verbs reach this node.</summary>
    public bool ControlApi { get; set; }

    /// <summary>Serve the control API on 127.0.0.1 TCP (<c>control.json</c>) instead of the Unix socket; needs <see cref="ControlApi"/>.</summary>
    public bool ControlApiTcp { get; set; }

    /// <summary>Where status list credentials come from; null: HTTP(S) with a 5-minute cache.</summary>
    public IStatusListProvider? StatusLists { get; set; }

    /// <summary>Dial + handshake + acknowledgement must finish within this time, else the message goes to the mailbox.</summary>
    public TimeSpan DirectDeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the node claims its own mailbox.</summary>
    public TimeSpan MailboxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often queued outgoing messages are retried.</summary>
    public TimeSpan OutboxRetryInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Tests only: profile options (cheap key derivation, small prekey pools) used instead of the defaults.</summary>
    internal ProfileOptions? ProfileOverrides { get; set; }

    /// <summary>Never shows the passphrase.</summary>
    public override string ToString() => $"WotIdNodeOptions({Home})";
}
