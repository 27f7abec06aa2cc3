// Why a profile could not be created, opened or read (docs/node.md "Profile and storage").
namespace WotId.Node.Profile;

/// <summary>The reason carried by <see cref="ProfileException"/>.</summary>
public enum ProfileError
{
    /// <summary>A profile already exists in this home directory; creating one would overwrite it.</summary>
    AlreadyExists = 1,

    /// <summary>No profile database in this home directory.</summary>
    NotFound = 2,

    /// <summary>The passphrase does not derive the key whose check value is stored in the profile.</summary>
    WrongPassphrase = 3,

    /// <summary>The database is not a profile, or a stored value fails to decode or authenticate (copied, tampered or damaged).</summary>
    Corrupt = 4,

    /// <summary>The database was written by a newer version of this software (its schema version is higher than ours).</summary>
    SchemaTooNew = 5,

    /// <summary>Another node holds this profile's lock file: one profile never runs two nodes.</summary>
    Locked = 6,

    /// <summary>An argument or record violates a stated limit (name length, duplicate contact, unknown row).</summary>
    InvalidInput = 7,
}
