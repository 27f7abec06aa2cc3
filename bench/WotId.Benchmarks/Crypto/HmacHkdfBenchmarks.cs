// HMAC-SHA256, HKDF-SHA256 and SHA-256 at the sizes the Signal hot path uses (33-byte chain-key inputs, a 1,100-byte
// SignalMessage MAC input, 64 and 80 bytes of HKDF output): WotId.Crypto (OpenSSL's low-level SHA256_* where
// available) against .NET's HMACSHA256 / HKDF / SHA256 (OpenSSL 3's EVP path on Linux), plus the native one-shot with
// and without SuppressGCTransition.
using System;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;

namespace WotId.Benchmarks.Crypto;

[Config(typeof(CryptoBenchmarkConfig))]
public class HmacHkdfBenchmarks
{
    private readonly byte[] _key = new byte[32];
    private readonly byte[] _short = new byte[33];
    private readonly byte[] _macInput = new byte[1100];
    private readonly byte[] _hashInput = new byte[97];
    private readonly byte[] _info = new byte[20];
    private readonly byte[] _out = new byte[80];

    [GlobalSetup]
    public void Setup()
    {
        WotId.Crypto.RandomBytes.Fill(_key);
        WotId.Crypto.RandomBytes.Fill(_short);
        WotId.Crypto.RandomBytes.Fill(_macInput);
        WotId.Crypto.RandomBytes.Fill(_hashInput);
        System.Console.WriteLine($"// OpenSSL SHA256_* fast path: {WotId.Crypto.OpenSslSha256.IsAvailable} ({WotId.Crypto.OpenSslSha256.LibraryName ?? "not loaded"})");
    }

    [Benchmark] public void Hmac33Ours() => WotId.Crypto.HmacSha256.Compute(_key, _short, _out);

    [Benchmark] public void Hmac33DotNet() => HMACSHA256.HashData(_key, _short, _out);

    [Benchmark] public void Hmac1100Ours() => WotId.Crypto.HmacSha256.Compute(_key, _macInput, _out);

    [Benchmark] public void Hmac1100DotNet() => HMACSHA256.HashData(_key, _macInput, _out);

    [Benchmark] public void Hkdf64Ours() => WotId.Crypto.HkdfSha256.DeriveKey(_key, _short, _info, _out.AsSpan(0, 64));

    [Benchmark] public void Hkdf64DotNet() => HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, _out.AsSpan(0, 64), _short, _info);

    [Benchmark] public void Hkdf80Ours() => WotId.Crypto.HkdfSha256.DeriveKey(_key, _short, _info, _out);

    [Benchmark] public void Hkdf80DotNet() => HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, _out, _short, _info);

    [Benchmark] public void Sha256_97Ours() => WotId.Crypto.Sha256.Hash(_hashInput, _out);

    [Benchmark] public void Sha256_97DotNet() => SHA256.HashData(_hashInput, _out);

    [Benchmark]
    public void Sha256_33NativeSuppressGcTransition()
    {
        if (WotId.Crypto.OpenSslSha256.IsAvailable)
        {
            WotId.Crypto.OpenSslSha256.Hash(_short, _out);
        }
    }

    [Benchmark]
    public void Sha256_33NativeWithTransition()
    {
        if (WotId.Crypto.OpenSslSha256.IsAvailable)
        {
            WotId.Crypto.OpenSslSha256.HashWithTransition(_short, _out);
        }
    }
}
