// Benchmarks of SPQR (SparsePostQuantumRatchet semantics): one Send plus the peer's Receive, one-way and
// alternating (the alternating run drives the ML-KEM braid through its epochs).
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using WotId.Signal.Spqr;

namespace WotId.Benchmarks.Spqr;

/// <summary>SPQR Send + Receive per message, with sessions that keep running across iterations.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class SpqrBenchmarks
{
    private readonly RandomNumberGenerator _rng = RandomNumberGenerator.Create();
    private SpqrSession _alice = null!;
    private SpqrSession _bob = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] authKey = RandomNumberGenerator.GetBytes(32);
        _alice = SpqrSession.Create(SpqrDirection.A2B, authKey, SpqrParameters.Default);
        _bob = SpqrSession.Create(SpqrDirection.B2A, authKey, SpqrParameters.Default);
    }

    /// <summary>A→B only: chunks of the header and key repeat, the braid never completes (as in libsignal).</summary>
    [Benchmark]
    public byte[]? OneWaySendReceive()
    {
        return _bob.Receive(_alice.Send(_rng).Message);
    }

    /// <summary>A→B then B→A: a full braid epoch every ~80 messages, ML-KEM work included on average.</summary>
    [Benchmark]
    public byte[]? AlternatingPairSendReceive()
    {
        _bob.Receive(_alice.Send(_rng).Message);
        return _alice.Receive(_bob.Send(_rng).Message);
    }

    /// <summary>Storing the state after every message, as a persisting session store does.</summary>
    [Benchmark]
    public byte[] SerializeDeserialize()
    {
        return SpqrSession.Deserialize(_alice.Serialize()).Serialize();
    }
}
