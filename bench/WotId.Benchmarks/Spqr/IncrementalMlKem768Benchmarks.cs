// Benchmarks of the incremental ML-KEM-768 steps used by the SPQR braid (FIPS 203 K-PKE split as libcrux's
// incremental API): key generation, encapsulate1 (ct1 from the header), encapsulate2 (ct2 from ek), decapsulate.
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using WotId.Signal.Spqr.MlKem;

namespace WotId.Benchmarks.Spqr;

/// <summary>One operation per benchmark.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class IncrementalMlKem768Benchmarks
{
    private readonly RandomNumberGenerator _rng = RandomNumberGenerator.Create();
    private byte[] _header = null!;
    private byte[] _ek = null!;
    private byte[] _dk = null!;
    private byte[] _state = null!;
    private byte[] _ct1 = null!;
    private byte[] _ct2 = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_header, _ek, _dk) = IncrementalMlKem768.Generate(_rng);
        (_ct1, _state, _) = IncrementalMlKem768.Encapsulate1(_header, _rng);
        _ct2 = IncrementalMlKem768.Encapsulate2(_ek, _state);
    }

    [Benchmark]
    public byte[] Generate() => IncrementalMlKem768.Generate(_rng).DecapsulationKey;

    [Benchmark]
    public byte[] Encapsulate1() => IncrementalMlKem768.Encapsulate1(_header, _rng).Ciphertext1;

    [Benchmark]
    public byte[] Encapsulate2() => IncrementalMlKem768.Encapsulate2(_ek, _state);

    [Benchmark]
    public byte[] Decapsulate() => IncrementalMlKem768.Decapsulate(_dk, _ct1, _ct2);

    [Benchmark]
    public bool EkMatchesHeader() => IncrementalMlKem768.EncapsulationKeyMatchesHeader(_ek, _header);
}
