// Composite ML-DSA + Ed25519 as IOTA Identity signs it (draft-ietf-lamps-pq-composite-sigs-04 pure mode, Ed25519 ‖ ML-DSA
// output). The cross-check against the library itself is in WotId.Identity.Tests/Interop/IotaIdentityInteropTests.
using System;
using System.Linq;

namespace WotId.Crypto.Tests.Behaviour;

public sealed class CompositeMLDsaTests
{
    public static TheoryData<CompositeMLDsaAlgorithm> Algorithms() =>
        new() { CompositeMLDsaAlgorithm.MLDsa44Ed25519, CompositeMLDsaAlgorithm.MLDsa65Ed25519 };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void SignatureVerifiesAndHasTheDocumentedSize(CompositeMLDsaAlgorithm algorithm)
    {
        using Keys keys = new(algorithm, 1);
        byte[] sig = CompositeMLDsa.Sign(algorithm, keys.MLDsa, keys.Ed, "header.payload"u8);
        Assert.Equal(algorithm == CompositeMLDsaAlgorithm.MLDsa65Ed25519 ? 3373 : 2484, sig.Length);
        Assert.True(CompositeMLDsa.Verify(algorithm, keys.PublicKey, "header.payload"u8, sig));
        Assert.False(CompositeMLDsa.Verify(algorithm, keys.PublicKey, "header.payloaD"u8, sig));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void ComponentsSignTheMessageRepresentativeWithTheDomainAsMLDsaContext(CompositeMLDsaAlgorithm algorithm)
    {
        using Keys keys = new(algorithm, 2);
        byte[] sig = CompositeMLDsa.Sign(algorithm, keys.MLDsa, keys.Ed, "m"u8);
        byte[] m = CompositeMLDsa.MessageRepresentative(algorithm, "m"u8);
        Assert.Equal([.. "CompositeAlgorithmSignatures2025"u8, .. CompositeMLDsa.Domain(algorithm), 0x00, .. "m"u8], m);
        Assert.True(Ed25519.Verify(keys.Ed.PublicKeySpan, m, sig.AsSpan(0, 64)));
        Assert.True(MLDsa.Verify(CompositeMLDsa.Component(algorithm), keys.MLDsa.PublicKeySpan, m, CompositeMLDsa.Domain(algorithm), sig.AsSpan(64)));
        Assert.False(MLDsa.Verify(CompositeMLDsa.Component(algorithm), keys.MLDsa.PublicKeySpan, m, [], sig.AsSpan(64)));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void EitherHalfTamperedOrSwappedFailsTheWhole(CompositeMLDsaAlgorithm algorithm)
    {
        using Keys keys = new(algorithm, 3);
        byte[] sig = CompositeMLDsa.Sign(algorithm, keys.MLDsa, keys.Ed, "m"u8);
        byte[] edBroken = (byte[])sig.Clone();
        edBroken[10] ^= 1;
        byte[] mlBroken = (byte[])sig.Clone();
        mlBroken[100] ^= 1;
        byte[] swapped = [.. sig.Skip(64), .. sig.Take(64)];
        Assert.False(CompositeMLDsa.Verify(algorithm, keys.PublicKey, "m"u8, edBroken));
        Assert.False(CompositeMLDsa.Verify(algorithm, keys.PublicKey, "m"u8, mlBroken));
        Assert.False(CompositeMLDsa.Verify(algorithm, keys.PublicKey, "m"u8, swapped));
        Assert.False(CompositeMLDsa.Verify(algorithm, keys.PublicKey, "m"u8, sig.AsSpan(0, sig.Length - 1)));
        Assert.False(CompositeMLDsa.Verify(algorithm, keys.PublicKey.AsSpan(1), "m"u8, sig));
    }

    [Fact]
    public void OneAlgorithmsSignatureDoesNotVerifyAsTheOther()
    {
        using Keys keys = new(CompositeMLDsaAlgorithm.MLDsa44Ed25519, 4);
        byte[] sig = CompositeMLDsa.Sign(CompositeMLDsaAlgorithm.MLDsa44Ed25519, keys.MLDsa, keys.Ed, "m"u8);
        Assert.False(CompositeMLDsa.Verify(CompositeMLDsaAlgorithm.MLDsa65Ed25519, keys.PublicKey, "m"u8, sig));
        Assert.Throws<ArgumentException>(() => CompositeMLDsa.Sign(CompositeMLDsaAlgorithm.MLDsa65Ed25519, keys.MLDsa, keys.Ed, "m"u8));
    }

    private sealed class Keys : IDisposable
    {
        public Keys(CompositeMLDsaAlgorithm algorithm, byte seed)
        {
            MLDsa = MLDsaPrivateKey.FromSeed(CompositeMLDsa.Component(algorithm), Enumerable.Repeat(seed, 32).ToArray());
            Ed = Ed25519PrivateKey.FromSeed(Enumerable.Repeat((byte)(seed + 100), 32).ToArray());
            PublicKey = [.. MLDsa.PublicKeySpan, .. Ed.PublicKeySpan];
        }

        public MLDsaPrivateKey MLDsa { get; }

        public Ed25519PrivateKey Ed { get; }

        public byte[] PublicKey { get; }

        public void Dispose()
        {
            MLDsa.Dispose();
            Ed.Dispose();
        }
    }
}
