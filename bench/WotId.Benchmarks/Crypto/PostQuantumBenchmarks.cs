// ML-KEM-768/1024, Kyber-1024 round 3, ML-DSA-44/65/87 and Falcon-512 of WotId.Crypto (BouncyCastle 2.7.0; ML-DSA
// verification through the project's MLDsaVerifier since issue 15, MLDsaVerifyBenchmarks has both side by side), the
// same operations that interop/crypto/bench-noble.mjs measures for @noble/post-quantum 0.7.1 (docs/benchmarks-crypto.md).
using BenchmarkDotNet.Attributes;
using WotId.Crypto;

namespace WotId.Benchmarks.Crypto;

[Config(typeof(CryptoBenchmarkConfig))]
public class PostQuantumBenchmarks
{
    private readonly byte[] _message = new byte[32];
    private readonly byte[] _ss = new byte[32];
    private readonly byte[] _ct768 = new byte[1088];
    private readonly byte[] _ct1024 = new byte[1568];
    private MLKemPrivateKey _kem768 = null!;
    private MLKemPrivateKey _kem1024 = null!;
    private MLDsaPrivateKey _dsa44 = null!;
    private MLDsaPrivateKey _dsa65 = null!;
    private MLDsaPrivateKey _dsa87 = null!;
    private Falcon512PrivateKey _falcon = null!;
    private byte[] _sig44 = [];
    private byte[] _sig65 = [];
    private byte[] _sig87 = [];
    private byte[] _falconSig = [];
    private byte[] _kyberCt = new byte[1568];

    [GlobalSetup]
    public void Setup()
    {
        RandomBytes.Fill(_message);
        _kem768 = MLKemPrivateKey.Generate(MLKemAlgorithm.MLKem768);
        _kem1024 = MLKemPrivateKey.Generate(MLKemAlgorithm.MLKem1024);
        MLKem.TryEncapsulate(MLKemAlgorithm.MLKem768, _kem768.PublicKey, _ct768, _ss);
        MLKem.TryEncapsulate(MLKemAlgorithm.MLKem1024, _kem1024.PublicKey, _ct1024, _ss);
        Kyber1024Round3.TryEncapsulate(_kem1024.PublicKey, _kyberCt, _ss);
        _dsa44 = MLDsaPrivateKey.Generate(MLDsaAlgorithm.MLDsa44);
        _dsa65 = MLDsaPrivateKey.Generate(MLDsaAlgorithm.MLDsa65);
        _dsa87 = MLDsaPrivateKey.Generate(MLDsaAlgorithm.MLDsa87);
        _sig44 = _dsa44.Sign(_message, [], deterministic: false);
        _sig65 = _dsa65.Sign(_message, [], deterministic: false);
        _sig87 = _dsa87.Sign(_message, [], deterministic: false);
        _falcon = Falcon512PrivateKey.Generate();
        _falconSig = _falcon.Sign(_message);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _kem768.Dispose();
        _kem1024.Dispose();
        _dsa44.Dispose();
        _dsa65.Dispose();
        _dsa87.Dispose();
        _falcon.Dispose();
    }

    [Benchmark]
    public MLKemPrivateKey MLKem768Keygen() => Disposed(MLKemPrivateKey.Generate(MLKemAlgorithm.MLKem768));

    [Benchmark] public bool MLKem768Encaps() => MLKem.TryEncapsulate(MLKemAlgorithm.MLKem768, _kem768.PublicKeySpan, _ct768, _ss);

    [Benchmark]
    public byte[] MLKem768Decaps()
    {
        _kem768.Decapsulate(_ct768, _ss);
        return _ss;
    }

    [Benchmark]
    public MLKemPrivateKey MLKem1024Keygen() => Disposed(MLKemPrivateKey.Generate(MLKemAlgorithm.MLKem1024));

    [Benchmark] public bool MLKem1024Encaps() => MLKem.TryEncapsulate(MLKemAlgorithm.MLKem1024, _kem1024.PublicKeySpan, _ct1024, _ss);

    [Benchmark]
    public byte[] MLKem1024Decaps()
    {
        _kem1024.Decapsulate(_ct1024, _ss);
        return _ss;
    }

    [Benchmark] public bool Kyber1024Round3Encaps() => Kyber1024Round3.TryEncapsulate(_kem1024.PublicKeySpan, _kyberCt, _ss);

    [Benchmark]
    public byte[] Kyber1024Round3Decaps()
    {
        Kyber1024Round3.Decapsulate(_kem1024, _kyberCt, _ss);
        return _ss;
    }

    [Benchmark] public MLDsaPrivateKey MLDsa44Keygen() => Disposed(MLDsaPrivateKey.Generate(MLDsaAlgorithm.MLDsa44));

    [Benchmark] public byte[] MLDsa44Sign() => _dsa44.Sign(_message, [], deterministic: false);

    [Benchmark] public bool MLDsa44Verify() => MLDsa.Verify(MLDsaAlgorithm.MLDsa44, _dsa44.PublicKeySpan, _message, [], _sig44);

    [Benchmark] public MLDsaPrivateKey MLDsa65Keygen() => Disposed(MLDsaPrivateKey.Generate(MLDsaAlgorithm.MLDsa65));

    [Benchmark] public byte[] MLDsa65Sign() => _dsa65.Sign(_message, [], deterministic: false);

    [Benchmark] public bool MLDsa65Verify() => MLDsa.Verify(MLDsaAlgorithm.MLDsa65, _dsa65.PublicKeySpan, _message, [], _sig65);

    [Benchmark] public MLDsaPrivateKey MLDsa87Keygen() => Disposed(MLDsaPrivateKey.Generate(MLDsaAlgorithm.MLDsa87));

    [Benchmark] public byte[] MLDsa87Sign() => _dsa87.Sign(_message, [], deterministic: false);

    [Benchmark] public bool MLDsa87Verify() => MLDsa.Verify(MLDsaAlgorithm.MLDsa87, _dsa87.PublicKeySpan, _message, [], _sig87);

    [Benchmark] public Falcon512PrivateKey Falcon512Keygen() => Disposed(Falcon512PrivateKey.Generate());

    [Benchmark] public byte[] Falcon512Sign() => _falcon.Sign(_message);

    [Benchmark] public bool Falcon512Verify() => Falcon512.Verify(_falcon.PublicKey, _message, _falconSig);

    private static T Disposed<T>(T key)
        where T : System.IDisposable
    {
        key.Dispose();
        return key;
    }
}
