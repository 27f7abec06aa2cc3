// Seeds for the signature and key checks: valid signatures under the targets' fixed keys (same seeds as the
// targets), a valid composite ML-DSA-65 + Ed25519 signature, valid ML-KEM encapsulation keys and a valid XEdDSA triple.
using System;
using System.Collections.Generic;
using WotId.Crypto;

namespace WotId.Fuzz.Seeds;

internal static partial class SeedCorpus
{
    private static IEnumerable<Seed> Crypto()
    {
        using (Falcon512PrivateKey falcon = Falcon512PrivateKey.FromSeed(new byte[Falcon512.SeedSize]))
        {
            yield return new Seed("crypto-falcon512-verify", "valid", falcon.Sign("fuzz"u8));
        }

        using (MLDsaPrivateKey mldsa = MLDsaPrivateKey.FromSeed(MLDsaAlgorithm.MLDsa65, new byte[MLDsa.SeedSize]))
        {
            // The target takes the context "wot.id" when the first byte is odd: keep the signature whose first byte
            // selects the context it was made with.
            byte[] plain = mldsa.Sign("fuzz"u8, [], deterministic: true);
            byte[] withContext = mldsa.Sign("fuzz"u8, "wot.id"u8, deterministic: true);
            yield return new Seed("crypto-mldsa65-verify", "valid", (plain[0] & 1) == 0 ? plain : withContext);
        }

        using (MLDsaPrivateKey mldsa = MLDsaPrivateKey.FromSeed(MLDsaAlgorithm.MLDsa65, new byte[MLDsa.SeedSize]))
        using (Ed25519PrivateKey ed = Ed25519PrivateKey.FromSeed(new byte[Ed25519.SeedSize]))
        {
            yield return new Seed("crypto-composite-signature", "valid", CompositeMLDsa.Sign(CompositeMLDsaAlgorithm.MLDsa65Ed25519, mldsa, ed, "fuzz"u8, deterministic: true));
        }

        using (MLKemPrivateKey kem768 = MLKemPrivateKey.FromSeed(MLKemAlgorithm.MLKem768, new byte[64]))
        {
            yield return new Seed("crypto-mlkem-encaps-key", "mlkem768", [0, .. kem768.PublicKey]);
            yield return new Seed("crypto-mlkem-encaps-paths", "mlkem768", [1, .. new byte[32], .. kem768.PublicKey]);
        }

        using (MLKemPrivateKey kem1024 = MLKemPrivateKey.FromSeed(MLKemAlgorithm.MLKem1024, new byte[64]))
        {
            yield return new Seed("crypto-mlkem-encaps-key", "mlkem1024", [1, .. kem1024.PublicKey]);
            yield return new Seed("crypto-mlkem-encaps-paths", "mlkem1024", [2, .. new byte[32], .. kem1024.PublicKey]);
        }

        var scalar = new byte[32];
        scalar[0] = 7;
        using X25519PrivateKey x = X25519PrivateKey.Import(scalar);
        byte[] signature = XEdDsa.Sign(x, "message"u8);
        yield return new Seed("crypto-xeddsa-verify", "valid", [.. x.PublicKey, .. signature, .. "message"u8]);
    }
}
