// ML-KEM-512/768/1024 decapsulation side by side: the project's own (MLKemDecapsulator, FIPS 203 Algorithm 18 with the
// masked implicit-rejection select; AVX2 NTT + four-way Keccak, and its scalar path) and BouncyCastle 2.7.0. Same
// key and a genuine ciphertext for all rows (the re-encryption matches, K′ is returned).
using BenchmarkDotNet.Attributes;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using WotId.Crypto;

namespace WotId.Benchmarks.Crypto;

[Config(typeof(CryptoBenchmarkConfig))]
[MemoryDiagnoser]
public class MLKemDecapsulateBenchmarks
{
    private readonly byte[] _ss = new byte[32];
    private byte[] _dk = [];
    private byte[] _ct = [];
    private WotId.Crypto.MLKemParameterSet _set = null!;
    private MLKemPrivateKeyParameters _bcKey = null!;
    private MLKemParameters _parameters = null!;

    [Params(512, 768, 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_set, _parameters) = Size switch
        {
            512 => (WotId.Crypto.MLKemParameterSet.MLKem512, MLKemParameters.ml_kem_512),
            768 => (WotId.Crypto.MLKemParameterSet.MLKem768, MLKemParameters.ml_kem_768),
            _ => (WotId.Crypto.MLKemParameterSet.MLKem1024, MLKemParameters.ml_kem_1024),
        };
        var generator = new MLKemKeyPairGenerator();
        generator.Init(new MLKemKeyGenerationParameters(new SecureRandom(), _parameters));
        var pair = generator.GenerateKeyPair();
        _bcKey = (MLKemPrivateKeyParameters)pair.Private;
        _dk = _bcKey.GetEncoded();
        _ct = new byte[_set.CiphertextBytes];
        MLKemEncapsulator.Encapsulate(_set, ((MLKemPublicKeyParameters)pair.Public).GetEncoded(), new byte[32], _ct, _ss);
    }

    [Benchmark(Baseline = true)]
    public void BouncyCastle()
    {
        var decapsulator = new Org.BouncyCastle.Crypto.Kems.MLKemDecapsulator(_parameters);
        decapsulator.Init(_bcKey);
        decapsulator.Decapsulate(_ct, 0, _ct.Length, _ss, 0, _ss.Length);
    }

    [Benchmark]
    public void Ours() => MLKemDecapsulator.Decapsulate(_set, _dk, _ct, _ss, MLKemNtt.Vectorized, MLDsaXof.Platform);

    [Benchmark]
    public void OursScalarNtt() => MLKemDecapsulator.Decapsulate(_set, _dk, _ct, _ss, vector: false, MLDsaXof.Platform);
}
