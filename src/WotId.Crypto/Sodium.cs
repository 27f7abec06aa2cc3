// P/Invoke into the libsodium that NSec.Cryptography ships (runtimes/*/native/libsodium.*).
// Used where NSec does not expose what a protocol needs: the raw X25519 output (libsignal, Noise), the
// Ed25519 scalar/point operations that XEdDSA signing is built from, and AEGIS-256 with a detached tag, in place.
using System;
using System.Runtime.InteropServices;

namespace WotId.Crypto;

internal static unsafe partial class Sodium
{
    private const string Library = "libsodium";

    static Sodium()
    {
        // NSec initialises libsodium too; sodium_init is idempotent and thread-safe.
        if (sodium_init() < 0)
        {
            throw new InvalidOperationException("libsodium failed to initialise");
        }
    }

    public static void EnsureInitialized()
    {
        // Touching this method runs the static constructor.
    }

    [LibraryImport(Library)]
    private static partial int sodium_init();

    [LibraryImport(Library)]
    public static partial int crypto_scalarmult_curve25519(byte* q, byte* n, byte* p);

    [LibraryImport(Library)]
    public static partial int crypto_scalarmult_curve25519_base(byte* q, byte* n);

    [LibraryImport(Library)]
    public static partial int crypto_scalarmult_ed25519_base_noclamp(byte* q, byte* n);

    [LibraryImport(Library)]
    public static partial void crypto_core_ed25519_scalar_reduce(byte* r, byte* s);

    [LibraryImport(Library)]
    public static partial void crypto_core_ed25519_scalar_mul(byte* z, byte* x, byte* y);

    [LibraryImport(Library)]
    public static partial void crypto_core_ed25519_scalar_add(byte* z, byte* x, byte* y);

    [LibraryImport(Library)]
    public static partial int crypto_core_ed25519_is_valid_point(byte* p);

    [LibraryImport(Library)]
    public static partial int crypto_sign_verify_detached(byte* sig, byte* m, ulong mlen, byte* pk);

    [LibraryImport(Library)]
    public static partial int crypto_aead_aegis256_encrypt_detached(byte* c, byte* mac, ulong* maclen, byte* m, ulong mlen, byte* ad, ulong adlen, byte* nsec, byte* npub, byte* k);

    [LibraryImport(Library)]
    public static partial int crypto_aead_aegis256_decrypt_detached(byte* m, byte* nsec, byte* c, ulong clen, byte* mac, byte* ad, ulong adlen, byte* npub, byte* k);
}
