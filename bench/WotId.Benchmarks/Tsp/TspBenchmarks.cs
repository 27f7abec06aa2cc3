// Benchmarks: TSP signed messages with ML-DSA-65 (sign / open), and the codecs on their own (docs/benchmarks-tsp.md).
using System;
using System.Threading;
using BenchmarkDotNet.Attributes;
using WotId.Crypto;
using WotId.Tsp.Messages;
using WotId.Tsp.Wire;

namespace WotId.Benchmarks.Tsp;

/// <summary>TSP sign/verify per second with ML-DSA-65, and codec costs, for a typical chat message.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class TspBenchmarks
{
    private const string Alice = "did:example:alice";
    private const string Bob = "did:example:bob";

    private MLDsaPrivateKey _key = null!;
    private TspMLDsa65Signer _signer = null!;
    private TspMessageVerifier _verifier = null!;
    private TspGenericPayload _payload = null!;
    private byte[] _wire = null!;
    private byte[] _json = null!;

    /// <summary>Creates the key, a chat message and its signed TSP form.</summary>
    [GlobalSetup]
    public void Setup()
    {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.Length; i++)
        {
            seed[i] = (byte)i;
        }

        _key = MLDsaPrivateKey.FromSeed(MLDsaAlgorithm.MLDsa65, seed);
        _signer = new TspMLDsa65Signer(_key);
        var resolver = new TspStaticKeyResolver();
        resolver.Add(Alice, new TspVerificationKey(TspSignatureAlgorithm.MLDsa65, _signer.PublicKey));
        _verifier = new TspMessageVerifier(resolver);
        _json = WotMessageCodec.Serialize(WotMessage.Create(WotMessageTypes.ChatText, new { content = "Hello Bob, this is a typical short chat message." }));
        _payload = new TspGenericPayload(_json);
        _wire = TspSignedMessage.Create(_signer, Alice, Bob, _payload);
    }

    /// <summary>Releases the key.</summary>
    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    /// <summary>Encode + ML-DSA-65 sign (deterministic, as the Rust SDK).</summary>
    [Benchmark]
    public byte[] SignMLDsa65() => TspSignedMessage.Create(_signer, Alice, Bob, _payload);

    /// <summary>Decode + resolve + ML-DSA-65 verify + payload decode and checks.</summary>
    [Benchmark]
    public TspOpenedMessage OpenMLDsa65() => _verifier.OpenAsync(_wire, Bob, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>CESR decode of the whole message, no signature check.</summary>
    [Benchmark]
    public TspWireMessage DecodeOnly() => TspMessageCodec.Decode(_wire);

    /// <summary>wot.id JSON parse with schema validation.</summary>
    [Benchmark]
    public WotMessage ParseWotMessage() => WotMessageCodec.Parse(_json);
}
