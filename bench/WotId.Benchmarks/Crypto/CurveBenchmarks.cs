// X25519, Ed25519 and XEdDSA (libsignal identity-key signatures) of WotId.Crypto; 33-byte messages, the size of
// a signed prekey encoding.
using BenchmarkDotNet.Attributes;
using WotId.Crypto;

namespace WotId.Benchmarks.Crypto;

[Config(typeof(CryptoBenchmarkConfig))]
public class CurveBenchmarks
{
    private readonly byte[] _message = new byte[33];
    private readonly byte[] _shared = new byte[32];
    private X25519PrivateKey _x = null!;
    private byte[] _peer = [];
    private Ed25519PrivateKey _ed = null!;
    private byte[] _edSignature = [];
    private byte[] _xedSignature = [];

    [GlobalSetup]
    public void Setup()
    {
        RandomBytes.Fill(_message);
        _x = X25519PrivateKey.Generate();
        using (X25519PrivateKey peer = X25519PrivateKey.Generate())
        {
            _peer = peer.PublicKey;
        }

        _ed = Ed25519PrivateKey.Generate();
        _edSignature = _ed.Sign(_message);
        _xedSignature = XEdDsa.Sign(_x, _message);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _x.Dispose();
        _ed.Dispose();
    }

    [Benchmark]
    public X25519PrivateKey X25519Keygen()
    {
        X25519PrivateKey k = X25519PrivateKey.Generate();
        k.Dispose();
        return k;
    }

    [Benchmark] public bool X25519Agree() => _x.TryAgree(_peer, _shared);

    [Benchmark] public byte[] Ed25519Sign() => _ed.Sign(_message);

    [Benchmark] public bool Ed25519Verify() => Ed25519.Verify(_ed.PublicKeySpan, _message, _edSignature);

    [Benchmark] public byte[] XEdDsaSign() => XEdDsa.Sign(_x, _message);

    [Benchmark] public bool XEdDsaVerify() => XEdDsa.Verify(_x.PublicKeySpan, _message, _xedSignature);
}
