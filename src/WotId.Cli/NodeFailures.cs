// How the node's typed failures (NodeError, ProfileError) become the one CliError shape: a stable code (the JSON
// error.code), the exit code of the documented table (ExitCodes) and what to do next. docs/cli.md lists the same rows.
using WotId.Node.Api;
using WotId.Node.Profile;

namespace WotId.Cli;

/// <summary>Maps <see cref="NodeException"/> and <see cref="ProfileException"/> to <see cref="CliError"/>.</summary>
internal static class NodeFailures
{
    /// <summary>The error for a failed node operation.</summary>
    public static CliError From(NodeException exception) => exception.Error switch
    {
        NodeError.UnknownContact => new("unknown-contact", exception.Message, "see `wotid contacts` for names and fingerprints", ExitCodes.InvalidInput),
        NodeError.InvalidInput => new("invalid-input", exception.Message, null, ExitCodes.InvalidInput),
        NodeError.InvalidInvitation => new("invalid-invitation", exception.Message, "ask for a fresh invitation (`wotid invite` on the other side)", ExitCodes.InvalidInput),
        NodeError.ContactExists => new("contact-exists", exception.Message, "see `wotid contacts`: the same person is there already, or pass another --name for someone else", ExitCodes.InvalidInput),
        NodeError.KeyChangeHeld => new("key-changed", exception.Message, "compare the safety number (`wotid contact show NAME`), then `wotid contact accept NAME`", ExitCodes.Failed),
        NodeError.Unreachable => new("queued", exception.Message, "the message stays queued; it is sent when the contact is reachable (`wotid run`)", ExitCodes.Queued),
        NodeError.NoCredential => new("no-credential", exception.Message, "import your VerifiedHuman credential with `wotid credential import FILE`", ExitCodes.InvalidInput),
        NodeError.AlreadyRunning => new("already-running", exception.Message, "stop it (Ctrl+C where it runs), or leave it running: the other verbs of the profile talk to it", ExitCodes.Failed),
        NodeError.NotRunning => new("not-running", exception.Message, "start the node with `wotid run`", ExitCodes.Failed),
        NodeError.UnknownFile => new("unknown-file", exception.Message, "see `wotid files` for transfer ids", ExitCodes.InvalidInput),
        NodeError.InvalidCredential => new("invalid-credential", exception.Message, "ask the issuer for a credential whose subject is your DID (`wotid status --json`, field did)", ExitCodes.VerificationFailed),
        NodeError.Unauthorized => new("unauthorized", exception.Message, "the control API refused this user's token; run as the profile's owner", ExitCodes.Failed),
        _ => new("failed", exception.Message, null, ExitCodes.Failed),
    };

    /// <summary>The error for a profile that could not be created, opened or changed.</summary>
    public static CliError From(ProfileException exception) => exception.Error switch
    {
        ProfileError.NotFound => new("no-profile", exception.Message, "create one with `wotid init --name NAME`, or pass the right --home", ExitCodes.InvalidInput),
        ProfileError.AlreadyExists => new("exists", exception.Message, "this --home has a profile already; use another --home", ExitCodes.InvalidInput),
        ProfileError.WrongPassphrase => new("wrong-passphrase", "wrong passphrase for the profile", $"check the passphrase ({Commands.Identity.Passphrase.EnvironmentVariable} or the terminal)", ExitCodes.WrongPassphrase),
        ProfileError.Locked => new("already-running", exception.Message, "stop it first (Ctrl+C where `wotid run` runs)", ExitCodes.Failed),
        ProfileError.InvalidInput => new("invalid-input", exception.Message, null, ExitCodes.InvalidInput),
        ProfileError.SchemaTooNew => new("profile-too-new", exception.Message, "use the newer wotid that wrote this profile", ExitCodes.Failed),
        _ => new("profile-damaged", exception.Message, "the profile database is damaged; restore it from a backup", ExitCodes.Failed),
    };
}
