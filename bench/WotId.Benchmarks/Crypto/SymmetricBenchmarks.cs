// Hashes, MACs, KDF and ciphers of WotId.Crypto over 1 KiB inputs (a typical message body).
using System;
using BenchmarkDotNet.Attributes;
using WotId.Crypto;

namespace WotId.Benchmarks.Crypto;

[Config(typeof(CryptoBenchmarkConfig))]
public class SymmetricBenchmarks
{
    private readonly byte[] _data = new byte[1024];
    private readonly byte[] _key = new byte[32];
    private readonly byte[] _iv = new byte[16];
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _hash64 = new byte[64];
    private readonly byte[] _okm = new byte[64];
    private readonly byte[] _sealed = new byte[1024 + 16];
    private readonly byte[] _opened = new byte[1024];
    private byte[] _cbc = [];
    private byte[] _tag = [];

    [GlobalSetup]
    public void Setup()
    {
        RandomBytes.Fill(_data);
        RandomBytes.Fill(_key);
        _cbc = Aes256Cbc.Encrypt(_key, _iv, _data);
        _tag = HmacSha256.Compute(_key, _data);
        ChaCha20Poly1305Aead.Encrypt(_key, _nonce, _data, [], _sealed);
    }

    [Benchmark] public byte[] Sha256_1KiB() => Sha256.Hash(_data);

    [Benchmark] public byte[] Sha512_1KiB() => Sha512.Hash(_data);

    [Benchmark] public byte[] Sha3_256_1KiB() => Sha3_256.Hash(_data);

    [Benchmark]
    public byte[] Shake256_1KiB()
    {
        Shake256.Hash(_data, _hash64);
        return _hash64;
    }

    [Benchmark] public byte[] Blake2b256_1KiB() => Blake2b256.Hash(_data);

    [Benchmark] public byte[] HmacSha256_1KiB() => HmacSha256.Compute(_key, _data);

    [Benchmark] public bool HmacSha256Verify_1KiB() => HmacSha256.Verify(_key, _data, _tag);

    [Benchmark]
    public byte[] HkdfSha256_64B()
    {
        HkdfSha256.DeriveKey(_key, _iv, _nonce, _okm);
        return _okm;
    }

    [Benchmark] public byte[] Aes256CbcEncrypt_1KiB() => Aes256Cbc.Encrypt(_key, _iv, _data);

    [Benchmark] public bool Aes256CbcDecrypt_1KiB() => Aes256Cbc.TryDecrypt(_key, _iv, _cbc, out _);

    [Benchmark]
    public byte[] Aes256GcmEncrypt_1KiB()
    {
        Aes256GcmAead.Encrypt(_key, _nonce, _data, [], _sealed.AsSpan());
        return _sealed;
    }

    [Benchmark]
    public byte[] ChaCha20Poly1305Encrypt_1KiB()
    {
        ChaCha20Poly1305Aead.Encrypt(_key, _nonce, _data, [], _sealed);
        return _sealed;
    }

    [Benchmark]
    public bool ChaCha20Poly1305SealOpen_1KiB()
    {
        ChaCha20Poly1305Aead.Encrypt(_key, _nonce, _data, [], _sealed);
        return ChaCha20Poly1305Aead.TryDecrypt(_key, _nonce, _sealed, [], _opened);
    }
}
