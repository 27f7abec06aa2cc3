// ML-DSA-44/65/87 verification side by side: the project's verifier (MLDsaVerifier, AVX2 NTT + platform SHAKE, the
// path MLDsa.Verify takes where the platform has no ML-DSA) for a first-seen key and for a cached expanded key, the same verifier with the managed single-stream SHAKE
// instead of the platform's, the same verifier on its scalar NTT and one-at-a-time ExpandA, and BouncyCastle
// 2.7.0 (the previous path, still the tests' cross-check). Same keys, message and signatures for all three.
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Diagnosers;
using WotId.Crypto;

namespace WotId.Benchmarks.Crypto;

[Config(typeof(CryptoBenchmarkConfig))]
[MemoryDiagnoser]
public class MLDsaVerifyBenchmarks
{
    private readonly byte[] _message = new byte[32];
    private readonly byte[] _context = "wot.id"u8.ToArray();
    private byte[] _pk = [];
    private byte[] _sig = [];
    private MLDsaParameterSet _set = null!;

    [Params(MLDsaAlgorithm.MLDsa44, MLDsaAlgorithm.MLDsa65, MLDsaAlgorithm.MLDsa87)]
    public MLDsaAlgorithm Algorithm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        RandomBytes.Fill(_message);
        using MLDsaPrivateKey key = MLDsaPrivateKey.Generate(Algorithm);
        _pk = key.PublicKey;
        _sig = key.Sign(_message, _context, deterministic: false);
        _set = MLDsaParameterSet.For(Algorithm);
    }

    [Benchmark(Baseline = true)]
    public bool BouncyCastle() => MLDsa.VerifyBouncyCastle(Algorithm, _pk, _message, _context, _sig);

    /// <summary>MLDsa.Verify's own path for a key it has seen before (the expanded key comes from the cache).</summary>
    [Benchmark]
    public bool OursCachedKey() => MLDsaVerifier.Verify(Algorithm, _pk, _message, _context, _sig);

    /// <summary>A key seen for the first time: Â, tr and NTT(t1) computed during the call.</summary>
    [Benchmark]
    public bool Ours() => MLDsaVerifier.Verify(_set, _pk, _message, _context, _sig, MLDsaNtt.Vectorized, MLDsaXof.Platform);

    [Benchmark]
    public bool OursManagedShake() => MLDsaVerifier.Verify(_set, _pk, _message, _context, _sig, MLDsaNtt.Vectorized, platformShake: false);

    [Benchmark]
    public bool OursScalarNtt() => MLDsaVerifier.Verify(_set, _pk, _message, _context, _sig, vector: false, MLDsaXof.Platform);
}
