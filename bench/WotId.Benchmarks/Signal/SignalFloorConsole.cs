// Console mode `signal-floor [n]`: a stopwatch breakdown of Signal session setup and alternating messages by
// primitive (X25519, XEdDSA verify, Kyber-1024 encaps/decaps, HKDF), timed alone on this machine, next to the
// whole operations timed the same way, so the floor (sum of the unavoidable primitive costs) can be compared with
// what the protocol code adds. Also reports whether the platform's ML-KEM / ML-DSA (System.Security.Cryptography,
// OpenSSL ≥ 3.5) is usable here.
using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Signal;
using WotId.Signal.Keys;
using WotId.Signal.Protocol;
using WotId.Signal.Stores;

namespace WotId.Benchmarks.Signal;

/// <summary>Hand-run Signal cost breakdown.</summary>
public static class SignalFloorConsole
{
    private static readonly ProtocolAddress s_alice = new("alice", 1);
    private static readonly ProtocolAddress s_bob = new("bob", 1);

    /// <summary>Runs the mode named by args[0]; false when args[0] is not ours.</summary>
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != "signal-floor")
        {
            return false;
        }

        int n = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 400;
        Console.WriteLine($"platform ML-KEM supported: {System.Security.Cryptography.MLKem.IsSupported}, ML-DSA supported: {System.Security.Cryptography.MLDsa.IsSupported}");
        Primitives(n);
        WholeAsync(n).GetAwaiter().GetResult();
        SignalPhaseBreakdown.Run(n);
        return true;
    }

    private static double Median(int n, Action op)
    {
        for (int i = 0; i < Math.Max(20, n / 10); i++)
        {
            op();
        }

        var t = new double[n];
        for (int i = 0; i < n; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            op();
            t[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        Array.Sort(t);
        return t[n / 2];
    }

    private static void Primitives(int n)
    {
        using var a = X25519PrivateKey.Generate();
        using var b = X25519PrivateKey.Generate();
        byte[] shared = new byte[32], msg = new byte[33], okm = new byte[64];
        byte[] sig = XEdDsa.Sign(a, msg);
        using MLKemPrivateKey kem = MLKemPrivateKey.Generate(MLKemAlgorithm.MLKem1024);
        byte[] ct = new byte[MLKem.CiphertextSize(MLKemAlgorithm.MLKem1024)];
        Kyber1024Round3.TryEncapsulate(kem.PublicKeySpan, ct, shared);
        double keygen = Median(n, () => X25519PrivateKey.Generate().Dispose());
        double agree = Median(n, () => a.TryAgree(b.PublicKeySpan, shared));
        double xverify = Median(n, () => XEdDsa.Verify(a.PublicKeySpan, msg, sig));
        double encaps = Median(n, () => Kyber1024Round3.TryEncapsulate(kem.PublicKeySpan, ct, shared));
        double decaps = Median(n, () => Kyber1024Round3.Decapsulate(kem, ct, shared));
        double hkdf = Median(n, () => HkdfSha256.DeriveKey(shared, default, msg, okm));
        Console.WriteLine($"| X25519 key generation | {keygen:F1} µs |");
        Console.WriteLine($"| X25519 agreement | {agree:F1} µs |");
        Console.WriteLine($"| XEdDSA verify | {xverify:F1} µs |");
        Console.WriteLine($"| Kyber-1024 encapsulate | {encaps:F1} µs |");
        Console.WriteLine($"| Kyber-1024 decapsulate | {decaps:F1} µs |");
        Console.WriteLine($"| HKDF-SHA256, 64 B out | {hkdf:F1} µs |");
        HmacRows(n, shared, msg, okm);
        // Session setup as libsignal does it (PQXDH with a one-time prekey): Alice verifies 2 signatures (signed prekey,
        // Kyber prekey), makes a base key and a first ratchet key (2 keygens), 4 PQXDH DH + 1 ratchet DH, 1 encaps;
        // Bob does 4 PQXDH DH + 1 decaps, and his first reply ratchet later. Alice's identity key is made per setup
        // in the benchmark (1 more keygen).
        double setup = (2 * xverify) + (3 * keygen) + (9 * agree) + encaps + decaps;
        Console.WriteLine($"setup floor (2 XEdDSA verify + 3 keygen + 9 DH + encaps + decaps): {setup:F0} µs");
        // An alternating message pair: each reply is a DH ratchet step: per direction a new ratchet key (keygen) and 2 DH
        // (sender with the fresh key, receiver with its own private key), i.e. per message 1 keygen + 2 DH.
        double perMessage = keygen + (2 * agree);
        Console.WriteLine($"alternating floor per message (1 keygen + 2 DH): {perMessage:F0} µs = {1e6 / perMessage:F0} msg/s ceiling from X25519 alone");
    }

    private static void HmacRows(int n, byte[] key, byte[] msg, byte[] okm)
    {
        // WotId.Crypto's HMAC / HKDF (OpenSSL's low-level SHA256_* when available) next to .NET's (OpenSSL 3 EVP on Linux).
        byte[] macInput = new byte[1100];
        double ours = Median(n, () => HmacSha256.Compute(key, msg, okm));
        double net = Median(n, () => System.Security.Cryptography.HMACSHA256.HashData(key, msg, okm));
        double ours1100 = Median(n, () => HmacSha256.Compute(key, macInput, okm));
        double net1100 = Median(n, () => System.Security.Cryptography.HMACSHA256.HashData(key, macInput, okm));
        double netHkdf = Median(n, () => System.Security.Cryptography.HKDF.DeriveKey(System.Security.Cryptography.HashAlgorithmName.SHA256, key, okm, msg, msg));
        Console.WriteLine($"OpenSSL SHA256_* fast path: {OpenSslSha256.IsAvailable} ({OpenSslSha256.LibraryName ?? "not loaded"})");
        Console.WriteLine($"| HMAC-SHA256, 33 B (WotId.Crypto / .NET) | {ours:F2} / {net:F2} µs |");
        Console.WriteLine($"| HMAC-SHA256, 1,100 B (WotId.Crypto / .NET) | {ours1100:F2} / {net1100:F2} µs |");
        Console.WriteLine($"| HKDF-SHA256, 64 B out (.NET HKDF.DeriveKey) | {netHkdf:F2} µs |");
        byte[] body = new byte[1024];
        byte[] sealedBody = Aes256Cbc.Encrypt(key, okm.AsSpan(0, 16), body);
        double aesEnc = Median(n, () => Aes256Cbc.Encrypt(key, okm.AsSpan(0, 16), body));
        double aesDec = Median(n, () => Aes256Cbc.TryDecrypt(key, okm.AsSpan(0, 16), sealedBody, out _));
        Console.WriteLine($"| AES-256-CBC 1 KiB encrypt / decrypt (Aes.Create per call) | {aesEnc:F2} / {aesDec:F2} µs |");
    }

    private static async Task WholeAsync(int n)
    {
        using var bobIdentity = IdentityKeyPair.Generate();
        var bob = new InMemorySignalProtocolStore(IdentityKeyPair.Deserialize(bobIdentity.Serialize()), 2);
        var bobStore = new BenchStore(bob);
        IdentityKeyPair id = await bob.GetIdentityKeyPairAsync();
        using var spk = SignedPreKeyRecord.Generate(id, 1, 0);
        using var kyber = KyberPreKeyRecord.Generate(id, 2, 0, isLastResort: true);
        using var opk = PreKeyRecord.Generate(3);
        await bob.StoreSignedPreKeyAsync(1, spk);
        await bob.StoreKyberPreKeyAsync(2, kyber);
        await bob.StorePreKeyAsync(3, opk);
        var bundle = new PreKeyBundle(2, 1, 3, opk.KeyPair.PublicKey, 1, spk.KeyPair.PublicKey, spk.Signature, id.PublicKey, 2, kyber.KeyPair.PublicKey, kyber.Signature);
        byte[] plaintext = new byte[1024];
        var setup = new double[n];
        var alt = new double[n];
        int[] gc0 = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        for (int i = -n / 10; i < n; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            var alice = new InMemorySignalProtocolStore(IdentityKeyPair.Generate(), 1);
            await new SessionBuilder(alice, s_bob).ProcessPreKeyBundleAsync(bundle);
            var a = new SessionCipher(alice, s_bob);
            CiphertextMessage m = await a.EncryptAsync(plaintext);
            var bobAddress = new ProtocolAddress("a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 1);
            var b = new SessionCipher(bobStore, bobAddress);
            await b.DecryptAsync(m);
            long t1 = Stopwatch.GetTimestamp();
            // Two replies each way after setup: every message is a DH ratchet step.
            await a.DecryptAsync(await b.EncryptAsync(plaintext));
            long t2 = Stopwatch.GetTimestamp();
            await b.DecryptAsync(await a.EncryptAsync(plaintext));
            await a.DecryptAsync(await b.EncryptAsync(plaintext));
            long t3 = Stopwatch.GetTimestamp();
            alice.Dispose();
            if (i >= 0)
            {
                setup[i] = Stopwatch.GetElapsedTime(t0, t1).TotalMicroseconds;
                alt[i] = Stopwatch.GetElapsedTime(t2, t3).TotalMicroseconds / 2;
            }
        }

        Console.WriteLine($"garbage collections during the {n + (n / 10)} iterations: gen0 {GC.CollectionCount(0) - gc0[0]}, gen1 {GC.CollectionCount(1) - gc0[1]}, gen2 {GC.CollectionCount(2) - gc0[2]}");
        Array.Sort(setup);
        Array.Sort(alt);
        Console.WriteLine($"measured session setup median {setup[n / 2]:F0} µs (p10 {setup[n / 10]:F0}); alternating message median {alt[n / 2]:F0} µs (p10 {alt[n / 10]:F0}) = {1e6 / alt[n / 2]:F0} msg/s");
    }
}
