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

    /// <summary>Argon2id cost of a new profile; only tests lower it (<see cref="KdfParameters.Default"/> otherwise).</summary>
    internal KdfParameters Kdf { get; init; } = KdfParameters.Default;

    /// <summary>Prekey pool sizes and ages; only tests change them.</summary>
    internal PreKeyPolicy PreKeys { get; init; } = PreKeyPolicy.Default;
}
