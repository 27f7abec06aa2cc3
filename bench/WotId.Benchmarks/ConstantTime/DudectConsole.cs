// Statistical timing tests of the secret-key operations we implement ourselves, in the way of dudect (Reparaz et al.,
// DATE 2017): many runs of one operation with inputs from two classes (a fixed secret and random secrets) in random
// order, and Welch's t-test on the two timing distributions. |t| above 4.5 is evidence that the time depends on the
// secret; below it the test found none (which is not a proof). Hand-run, never a unit test:
//   ct-dudect [seconds-per-test] [test,test,...]
// Tests: control-leaky (an early-exit comparison: the harness must flag it), control-fixed-time (the same with
// CryptographicOperations.FixedTimeEquals), spqr-decaps-secret (SPQR ML-KEM-768 decapsulation, fixed vs random
// secret vector ŝ), spqr-decaps-ciphertext (one key; a fixed valid ciphertext vs random, rejected ciphertexts:
// the implicit-rejection path of FIPS 203 Algorithm 18), spqr-decaps-keypair (whole key pairs: informational, the
// public part varies too), mlkem-decaps-secret and mlkem-decaps-ciphertext (the same two for WotId.Crypto's own
// ML-KEM-1024 decapsulation, MLKemDecapsulator), diag-mlkem-* (informational parts and paths of mlkem-decaps-secret,
// never counted as failures; diag-bc-mlkem-decaps-secret is mlkem-decaps-secret on BouncyCastle), xeddsa-sign-key (XEdDSA signing, fixed vs random keys). Exit code 1 when a control or a
// secret test gives an unexpected verdict.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using WotId.Crypto;
using WotId.Signal.Spqr.MlKem;

namespace WotId.Benchmarks.ConstantTime;

/// <summary>The <c>ct-dudect</c> console mode.</summary>
public static class DudectConsole
{
    private const int PoolSize = 64;
    private const int BatchSize = 5_000;

    /// <summary>Runs the mode when args[0] is <c>ct-dudect</c>; false otherwise.</summary>
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != "ct-dudect")
        {
            return false;
        }

        double seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        Dictionary<string, Func<DudectCase>> all = new(StringComparer.Ordinal)
        {
            ["control-leaky"] = () => ComparisonCase(leaky: true),
            ["control-fixed-time"] = () => ComparisonCase(leaky: false),
            ["spqr-decaps-secret"] = SpqrDecapsSecretCase,
            ["spqr-decaps-keypair"] = SpqrDecapsKeyPairCase,
            ["spqr-decaps-ciphertext"] = SpqrDecapsCiphertextCase,
            ["mlkem-decaps-secret"] = () => MLKemDecapsSecretCase(MLKemNtt.Vectorized, MLDsaXof.Platform),
            ["mlkem-decaps-ciphertext"] = MLKemDecapsCiphertextCase,
            ["diag-mlkem-decaps-secret-scalar"] = () => MLKemDecapsSecretCase(vector: false, platform: true),
            ["diag-mlkem-decaps-secret-managed"] = () => MLKemDecapsSecretCase(vector: true, platform: false),
            ["diag-mlkem-encrypt"] = DiagEncryptCase,
            ["diag-mlkem-decrypt"] = DiagDecryptCase,
            ["diag-bc-mlkem-decaps-secret"] = BouncyCastleDecapsSecretCase,
            ["xeddsa-sign-key"] = XEdDsaSignKeyCase,
        };
        IEnumerable<string> names = args.Length > 2 ? args[2].Split(',') : all.Keys;
        Console.WriteLine($"ct-dudect: {seconds} s per test, batches of {BatchSize}, pools of {PoolSize} inputs per class");
        Console.WriteLine("test                       measurements    mean fixed    mean random    max |t|  verdict");
        int failures = 0;
        foreach (string name in names)
        {
            DudectCase test = all[name]();
            WelchTTest t = Run(test, seconds);
            double maxT = t.MaxAbsT();
            string verdict = maxT > 10 ? "LEAKS" : maxT > 4.5 ? "possible leak" : "no evidence of leakage";
            bool expected = name switch
            {
                "control-leaky" => maxT > 10,
                "spqr-decaps-keypair" => true, // informational: the public part differs too (see the case)
                _ when name.StartsWith("diag-", StringComparison.Ordinal) => true, // informational: parts and paths of a flagged test
                _ => maxT <= 4.5,
            };
            failures += expected ? 0 : 1;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-26} {t.Count,12:N0} {t.Means.Fixed / 1000,10:F2} µs {t.Means.Random / 1000,11:F2} µs {maxT,10:F2}  {verdict}{(expected ? "" : "  (unexpected)")}"));
        }

        Environment.ExitCode = failures == 0 ? 0 : 1;
        return true;
    }

    private static WelchTTest Run(DudectCase test, double seconds)
    {
        for (int i = 0; i < 200; i++)
        {
            test.Operation(i & 1, i % PoolSize);
        }

        var t = new WelchTTest();
        var classes = new int[BatchSize];
        var indexes = new int[BatchSize];
        var durations = new double[BatchSize];
        double nanosecondsPerTick = 1e9 / Stopwatch.Frequency;
        var clock = Stopwatch.StartNew();
        bool first = true;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < BatchSize; i++)
            {
                classes[i] = RandomNumberGenerator.GetInt32(2);
                indexes[i] = RandomNumberGenerator.GetInt32(PoolSize);
            }

            for (int i = 0; i < BatchSize; i++)
            {
                long start = Stopwatch.GetTimestamp();
                test.Operation(classes[i], indexes[i]);
                durations[i] = (Stopwatch.GetTimestamp() - start) * nanosecondsPerTick;
            }

            if (first)
            {
                t.SetThresholds(durations);
                first = false;
            }

            for (int i = 0; i < BatchSize; i++)
            {
                t.Add(classes[i], durations[i]);
            }
        }

        return t;
    }

    // Both classes read from pools of the same size, so they touch the same amount of memory: class 0's pool holds
    // copies of one input, class 1's pool independent random inputs.
    private static DudectCase ComparisonCase(bool leaky)
    {
        byte[] secret = RandomNumberGenerator.GetBytes(4096);
        byte[][][] pools = [Pool(_ => (byte[])secret.Clone()), Pool(_ => RandomNumberGenerator.GetBytes(4096))];
        return new DudectCase((c, i) =>
        {
            byte[] input = pools[c][i];
            _ = leaky ? secret.AsSpan().SequenceEqual(input) : CryptographicOperations.FixedTimeEquals(secret, input);
        });
    }

    // Whole key pairs differ in their public part too: re-encryption expands the matrix Â from ρ by rejection sampling
    // (FIPS 203 Algorithm 7), whose time depends on ρ, which is public. This case shows that (the harness sees it);
    // spqr-decaps-secret is the test of the secret part alone.
    private static DudectCase SpqrDecapsKeyPairCase()
    {
        static (byte[] Dk, byte[] Ct1, byte[] Ct2) Make()
        {
            (byte[] header, byte[] ek, byte[] dk) = IncrementalMlKem768.Generate(RandomNumberGenerator.Create());
            (byte[] ct1, byte[] state, _) = IncrementalMlKem768.Encapsulate1(header, RandomNumberGenerator.Create());
            return (dk, ct1, IncrementalMlKem768.Encapsulate2(ek, state));
        }

        (byte[] Dk, byte[] Ct1, byte[] Ct2) fixedInput = Make();
        (byte[] Dk, byte[] Ct1, byte[] Ct2)[][] pools =
        [
            Pool(_ => ((byte[])fixedInput.Dk.Clone(), (byte[])fixedInput.Ct1.Clone(), (byte[])fixedInput.Ct2.Clone())),
            Pool(_ => Make()),
        ];
        return new DudectCase((c, i) =>
        {
            (byte[] dk, byte[] ct1, byte[] ct2) = pools[c][i];
            _ = IncrementalMlKem768.Decapsulate(dk, ct1, ct2);
        });
    }

    // dk = ŝ ‖ ek ‖ H(ek) ‖ z (FIPS 203 Algorithm 16). Only ŝ (the first 1,152 bytes, ByteEncode_12 of the secret
    // vector) changes between inputs: class 0 one random ŝ, class 1 a fresh random ŝ each; ek, H(ek), z and the
    // ciphertext stay the same. Both classes decrypt to a message that re-encrypts to another ciphertext, so both take
    // the implicit-rejection path, as an attacker's probe would.
    private static DudectCase SpqrDecapsSecretCase()
    {
        (byte[] header, byte[] ek, byte[] dk) = IncrementalMlKem768.Generate(RandomNumberGenerator.Create());
        (byte[] ct1, byte[] state, _) = IncrementalMlKem768.Encapsulate1(header, RandomNumberGenerator.Create());
        byte[] ct2 = IncrementalMlKem768.Encapsulate2(ek, state);
        byte[] WithSecret(byte[] secret)
        {
            byte[] copy = (byte[])dk.Clone();
            secret.CopyTo(copy, 0);
            return copy;
        }

        byte[] fixedSecret = RandomNumberGenerator.GetBytes(KPke768.VectorBytes);
        byte[][][] pools = [Pool(_ => WithSecret(fixedSecret)), Pool(_ => WithSecret(RandomNumberGenerator.GetBytes(KPke768.VectorBytes)))];
        return new DudectCase((c, i) => _ = IncrementalMlKem768.Decapsulate(pools[c][i], ct1, ct2));
    }

    private static DudectCase SpqrDecapsCiphertextCase()
    {
        (byte[] header, byte[] ek, byte[] dk) = IncrementalMlKem768.Generate(RandomNumberGenerator.Create());
        (byte[] ct1, byte[] state, _) = IncrementalMlKem768.Encapsulate1(header, RandomNumberGenerator.Create());
        byte[] ct2 = IncrementalMlKem768.Encapsulate2(ek, state);
        (byte[] Ct1, byte[] Ct2)[][] pools =
        [
            Pool(_ => ((byte[])ct1.Clone(), (byte[])ct2.Clone())),
            Pool(_ => (RandomNumberGenerator.GetBytes(ct1.Length), RandomNumberGenerator.GetBytes(ct2.Length))),
        ];
        return new DudectCase((c, i) =>
        {
            (byte[] a, byte[] b) = pools[c][i];
            _ = IncrementalMlKem768.Decapsulate(dk, a, b);
        });
    }

    // WotId.Crypto's ML-KEM-1024 decapsulation (MLKemDecapsulator, the path Kyber1024Round3 would take): only ŝ differs
    // between the classes; ek, H(ek), z and a genuine ciphertext for the real key stay the same, so with a replaced ŝ
    // both classes take the implicit-rejection path.
    private static DudectCase MLKemDecapsSecretCase(bool vector, bool platform)
    {
        (byte[] dk, byte[] ct) = MLKemKeyAndCiphertext();
        int secretBytes = 384 * MLKemParameterSet.MLKem1024.K;
        byte[] WithSecret(byte[] secret)
        {
            byte[] copy = (byte[])dk.Clone();
            secret.CopyTo(copy, 0);
            return copy;
        }

        byte[] fixedSecret = RandomNumberGenerator.GetBytes(secretBytes);
        byte[][][] pools = [Pool(_ => WithSecret(fixedSecret)), Pool(_ => WithSecret(RandomNumberGenerator.GetBytes(secretBytes)))];
        var ss = new byte[32];
        return new DudectCase((c, i) => MLKemDecapsulator.Decapsulate(MLKemParameterSet.MLKem1024, pools[c][i], ct, ss, vector, platform));
    }

    // The same test as mlkem-decaps-secret on BouncyCastle's ML-KEM-1024 decapsulation (what the node uses): the yardstick
    // for a verdict on our own, on the same machine and in the same run.
    private static DudectCase BouncyCastleDecapsSecretCase()
    {
        (byte[] dk, byte[] ct) = MLKemKeyAndCiphertext();
        int secretBytes = 384 * MLKemParameterSet.MLKem1024.K;
        Org.BouncyCastle.Crypto.Parameters.MLKemPrivateKeyParameters WithSecret(byte[] secret)
        {
            byte[] copy = (byte[])dk.Clone();
            secret.CopyTo(copy, 0);
            return Org.BouncyCastle.Crypto.Parameters.MLKemPrivateKeyParameters.FromEncoding(
                Org.BouncyCastle.Crypto.Parameters.MLKemParameters.ml_kem_1024, copy);
        }

        byte[] fixedSecret = RandomNumberGenerator.GetBytes(secretBytes);
        var pools = new[] { Pool(_ => WithSecret(fixedSecret)), Pool(_ => WithSecret(RandomNumberGenerator.GetBytes(secretBytes))) };
        var ss = new byte[32];
        return new DudectCase((c, i) =>
        {
            var decapsulator = new Org.BouncyCastle.Crypto.Kems.MLKemDecapsulator(Org.BouncyCastle.Crypto.Parameters.MLKemParameters.ml_kem_1024);
            decapsulator.Init(pools[c][i]);
            decapsulator.Decapsulate(ct, 0, ct.Length, ss, 0, ss.Length);
        });
    }

    // One ML-KEM-1024 key; a fixed valid ciphertext (K′ is selected) vs random ciphertexts (K̄ is selected).
    private static DudectCase MLKemDecapsCiphertextCase()
    {
        (byte[] dk, byte[] ct) = MLKemKeyAndCiphertext();
        byte[][][] pools = [Pool(_ => (byte[])ct.Clone()), Pool(_ => RandomNumberGenerator.GetBytes(ct.Length))];
        var ss = new byte[32];
        return new DudectCase((c, i) => MLKemDecapsulator.Decapsulate(MLKemParameterSet.MLKem1024, dk, pools[c][i], ss));
    }

    private static DudectCase DiagEncryptCase()
    {
        (byte[] dk, _) = MLKemKeyAndCiphertext();
        MLKemParameterSet p = MLKemParameterSet.MLKem1024;
        byte[] ek = dk.AsSpan(1536, 1568).ToArray();
        var tHat = new short[4 * 256];
        for (int j = 0; j < 4; j++)
        {
            MLKemEncoding.DecodeReduce12(ek.AsSpan(384 * j, 384), tHat.AsSpan(256 * j, 256));
        }

        byte[] fixedMr = RandomNumberGenerator.GetBytes(64);
        byte[][][] pools = [Pool(_ => (byte[])fixedMr.Clone()), Pool(_ => RandomNumberGenerator.GetBytes(64))];
        var ct = new byte[p.CiphertextBytes];
        return new DudectCase((c, i) => MLKemEncapsulator.Encrypt(p, tHat, ek.AsSpan(1536), pools[c][i].AsSpan(0, 32), pools[c][i].AsSpan(32), ct, MLKemNtt.Vectorized, MLDsaXof.Platform));
    }

    private static DudectCase DiagDecryptCase()
    {
        (byte[] dk, byte[] ct) = MLKemKeyAndCiphertext();
        byte[] WithSecret(byte[] secret)
        {
            byte[] copy = (byte[])dk.Clone();
            secret.CopyTo(copy, 0);
            return copy;
        }

        byte[] fixedSecret = RandomNumberGenerator.GetBytes(1536);
        byte[][][] pools = [Pool(_ => WithSecret(fixedSecret)), Pool(_ => WithSecret(RandomNumberGenerator.GetBytes(1536)))];
        var s = new short[4 * 256];
        var u = new short[4 * 256];
        var w = new short[256];
        var m = new byte[32];
        return new DudectCase((c, i) =>
        {
            for (int j = 0; j < 4; j++)
            {
                MLKemEncoding.DecodeReduce12(pools[c][i].AsSpan(384 * j, 384), s.AsSpan(256 * j, 256));
                MLKemEncoding.DecodeDecompress(ct.AsSpan(352 * j, 352), 11, u.AsSpan(256 * j, 256));
                MLKemNtt.Forward(u.AsSpan(256 * j, 256), MLKemNtt.Vectorized);
            }

            MLKemNtt.MultiplyAccumulate(s, u, 4, w, MLKemNtt.Vectorized);
            MLKemNtt.Inverse(w, MLKemNtt.Vectorized);
            MLKemNtt.Reduce(w);
            MLKemEncoding.CompressEncode(w, 1, m);
        });
    }

    private static (byte[] Dk, byte[] Ct) MLKemKeyAndCiphertext()
    {
        using MLKemPrivateKey key = MLKemPrivateKey.Generate(WotId.Crypto.MLKemAlgorithm.MLKem1024);
        var ct = new byte[MLKemParameterSet.MLKem1024.CiphertextBytes];
        if (!WotId.Crypto.MLKem.TryEncapsulate(WotId.Crypto.MLKemAlgorithm.MLKem1024, key.PublicKey, ct, new byte[32]))
        {
            throw new InvalidOperationException("a fresh key must encapsulate");
        }

        return (key.ExportExpanded(), ct);
    }

    private static DudectCase XEdDsaSignKeyCase()
    {
        byte[] message = RandomNumberGenerator.GetBytes(64);
        byte[] random64 = RandomNumberGenerator.GetBytes(64);
        byte[] signature = new byte[XEdDsa.SignatureSize];
        byte[] fixedKey = RandomNumberGenerator.GetBytes(32);
        X25519PrivateKey[][] pools =
        [
            Pool(_ => X25519PrivateKey.Import(fixedKey)),
            Pool(_ => X25519PrivateKey.Generate()),
        ];
        return new DudectCase((c, i) => XEdDsa.Sign(pools[c][i], message, random64, signature));
    }

    private static T[] Pool<T>(Func<int, T> make) => Enumerable.Range(0, PoolSize).Select(make).ToArray();
}
