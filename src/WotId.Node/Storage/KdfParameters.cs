// Argon2id parameters of the profile key (RFC 9106 §4). The defaults follow RFC 9106 §4's second recommended option
// scaled to a desktop node (m = 64 MiB, t = 3, p = 1); they are stored in the profile so that they can change later.
// Values read back from a database are untrusted and bounded here (a tampered profile must not make us allocate 1 TiB).
using System.Globalization;
using WotId.Node.Profile;

namespace WotId.Node.Storage;

/// <summary>Argon2id cost parameters.</summary>
/// <param name="MemoryKiB">Memory in KiB.</param>
/// <param name="Iterations">Passes over memory.</param>
/// <param name="Parallelism">Lanes.</param>
internal sealed record KdfParameters(int MemoryKiB, int Iterations, int Parallelism)
{
    /// <summary>Largest memory accepted from a database: 1 GiB (the crypto layer's own bound).</summary>
    internal const int MaxMemoryKiB = 1024 * 1024;

    /// <summary>m = 64 MiB, t = 3, p = 1.</summary>
    internal static KdfParameters Default { get; } = new(64 * 1024, 3, 1);

    /// <summary>Whether the parameters are within the bounds of <see cref="WotId.Crypto.Argon2id"/>.</summary>
    internal bool IsValid => Parallelism is >= 1 and <= 8 && Iterations is >= 1 and <= 16 && MemoryKiB >= 8 * Parallelism && MemoryKiB <= MaxMemoryKiB;

    /// <summary>Checks parameters read from a database.</summary>
    internal static KdfParameters FromStored(long memoryKiB, long iterations, long parallelism)
    {
        if (memoryKiB is < 8 or > MaxMemoryKiB || iterations is < 1 or > 16 || parallelism is < 1 or > 8)
        {
            throw new ProfileException(ProfileError.Corrupt, "stored Argon2id parameters are out of range");
        }

        var p = new KdfParameters((int)memoryKiB, (int)iterations, (int)parallelism);
        return p.IsValid ? p : throw new ProfileException(ProfileError.Corrupt, "stored Argon2id parameters are out of range");
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Argon2id(m={MemoryKiB} KiB, t={Iterations}, p={Parallelism})");
}
