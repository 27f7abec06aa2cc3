// ML-KEM-512/768/1024 encapsulation side by side: the project's encapsulation (MLKemEncapsulator, AVX2 NTT + four-way
// Keccak, the path MLKem.TryEncapsulate takes where the platform has no ML-KEM), the same on its scalar NTT with the
// platform SHAKE, the scalar NTT with the managed SHAKE, and BouncyCastle 2.7.0 (the previous path, still the tests'
// cross-check). Same key and message m for all; the deterministic form, so every row does the same work.
using BenchmarkDotNet.Attributes;
using WotId.Crypto;

namespace WotId.Benchmarks.Crypto;

[Config(typeof(CryptoBenchmarkConfig))]
[MemoryDiagnoser]
public class MLKemEncapsulateBenchmarks
{
    private readonly byte[] _m = new byte[32];
    private readonly byte[] _ss = new byte[32];
    private byte[] _pk = [];
    private byte[] _ct = [];
    private MLKemParameterSet _set = null!;

    [Params(512, 768, 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        RandomBytes.Fill(_m);
        _set = Size switch
        {
            512 => MLKemParameterSet.MLKem512,
            768 => MLKemParameterSet.MLKem768,
            _ => MLKemParameterSet.MLKem1024,
        };
        var generator = new Org.BouncyCastle.Crypto.Generators.MLKemKeyPairGenerator();
        var parameters = Size switch
        {
            512 => Org.BouncyCastle.Crypto.Parameters.MLKemParameters.ml_kem_512,
            768 => Org.BouncyCastle.Crypto.Parameters.MLKemParameters.ml_kem_768,
            _ => Org.BouncyCastle.Crypto.Parameters.MLKemParameters.ml_kem_1024,
        };
        generator.Init(new Org.BouncyCastle.Crypto.Parameters.MLKemKeyGenerationParameters(new Org.BouncyCastle.Security.SecureRandom(), parameters));
        _pk = ((Org.BouncyCastle.Crypto.Parameters.MLKemPublicKeyParameters)generator.GenerateKeyPair().Public).GetEncoded();
        _ct = new byte[_set.CiphertextBytes];
    }

    [Benchmark(Baseline = true)]
    public bool BouncyCastle() => MLKem.TryEncapsulateBouncyCastle(_set, _pk, _m, _ct, _ss);

    [Benchmark]
    public bool Ours() => MLKemEncapsulator.Encapsulate(_set, _pk, _m, _ct, _ss, MLKemNtt.Vectorized, MLDsaXof.Platform);

    [Benchmark]
    public bool OursScalarNtt() => MLKemEncapsulator.Encapsulate(_set, _pk, _m, _ct, _ss, vector: false, MLDsaXof.Platform);

    [Benchmark]
    public bool OursScalarManagedShake() => MLKemEncapsulator.Encapsulate(_set, _pk, _m, _ct, _ss, vector: false, platformShake: false);
}
