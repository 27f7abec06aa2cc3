// Create-or-open, for apps that keep one profile in a known directory (the hosted node, docs/library.md): open the
// profile when HOME/profile.db exists, else create it. A wrong passphrase for an existing profile is never taken as
// "no profile": it throws WrongPassphrase like OpenAsync.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Node.Profile;

public sealed partial class Profile
{
    /// <summary>Whether <paramref name="home"/> holds a profile database.</summary>
    public static bool Exists(string home)
    {
        ArgumentException.ThrowIfNullOrEmpty(home);
        return File.Exists(Path.Combine(home, DatabaseFileName));
    }

    /// <summary>
    /// Opens the profile in <paramref name="home"/>, or creates one named <paramref name="name"/> there when none exists.
    /// <paramref name="options"/> apply to both (clock, prekey policy) and, for a new profile, to its mailbox and listen addresses.
    /// </summary>
    /// <exception cref="ProfileException">As <see cref="OpenAsync(string, string, ProfileOptions?, CancellationToken)"/> and <see cref="CreateAsync"/>.</exception>
    public static Task<Profile> OpenOrCreateAsync(string home, string name, string passphrase, ProfileOptions? options = null, CancellationToken cancellationToken = default) =>
        Exists(home)
            ? OpenAsync(home, passphrase, options, cancellationToken)
            : CreateAsync(home, name, passphrase, options, cancellationToken);
}
