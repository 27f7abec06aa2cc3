// Typed failures of the node facade; the control API maps each to an HTTP status and the CLI to an exit code.
namespace WotId.Node.Api;

/// <summary>Why a node operation failed.</summary>
public enum NodeError
{
    /// <summary>No contact by that name or fingerprint.</summary>
    UnknownContact,

    /// <summary>Input is malformed or out of bounds (the message says which).</summary>
    InvalidInput,

    /// <summary>The invitation did not verify (the message names the <c>InvitationError</c>).</summary>
    InvalidInvitation,

    /// <summary>A contact with that name or DID exists already.</summary>
    ContactExists,

    /// <summary>The contact's identity key changed; accept it first (<c>wotid contact accept NAME</c>).</summary>
    KeyChangeHeld,

    /// <summary>The contact is not reachable and has no mailbox; the message stays queued.</summary>
    Unreachable,

    /// <summary>The profile has no VerifiedHuman credential (<c>wotid credential import</c>).</summary>
    NoCredential,

    /// <summary>Another node runs for this profile.</summary>
    AlreadyRunning,

    /// <summary>No node answers on the control API.</summary>
    NotRunning,

    /// <summary>The control API refused the token.</summary>
    Unauthorized,

    /// <summary>The node stopped or failed while the operation ran.</summary>
    Failed,

    /// <summary>No file transfer with that id.</summary>
    UnknownFile,

    /// <summary>The credential offered for import is not this profile's valid VerifiedHuman credential.</summary>
    InvalidCredential,
}
