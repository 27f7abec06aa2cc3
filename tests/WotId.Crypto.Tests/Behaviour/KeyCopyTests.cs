// X25519PrivateKey.Copy and MLKemPrivateKey.Copy (issue 15: stores hand out copies without re-deriving public keys):
// the copy is the same key, and it is an independent handle that outlives the original.
using System;

namespace WotId.Crypto.Tests.Behaviour;

public sealed class KeyCopyTests
{
    [Fact]
    public void X25519CopyIsTheSameKeyAndOutlivesTheOriginal()
    {
        X25519PrivateKey original = X25519PrivateKey.Generate();
        using X25519PrivateKey copy = original.Copy();
        using X25519PrivateKey peer = X25519PrivateKey.Generate();
        byte[] expected = new byte[32], actual = new byte[32], exported = new byte[32], exportedCopy = new byte[32];
        Assert.True(original.TryAgree(peer.PublicKeySpan, expected));
        original.ExportPrivateKey(exported);
        original.Dispose();

        Assert.Equal(original.PublicKey, copy.PublicKey);
        Assert.True(copy.TryAgree(peer.PublicKeySpan, actual));
        Assert.Equal(expected, actual);
        copy.ExportPrivateKey(exportedCopy);
        Assert.Equal(exported, exportedCopy);
        Assert.Throws<ObjectDisposedException>(() => original.TryAgree(peer.PublicKeySpan, actual));
    }

    [Fact]
    public void MLKemCopyDecapsulatesAfterTheOriginalIsDisposed()
    {
        MLKemPrivateKey original = MLKemPrivateKey.Generate(MLKemAlgorithm.MLKem1024);
        using MLKemPrivateKey copy = original.Copy();
        byte[] expanded = original.ExportExpanded();
        original.Dispose();
        byte[] ciphertext = new byte[MLKem.CiphertextSize(MLKemAlgorithm.MLKem1024)];
        byte[] sent = new byte[32], received = new byte[32];
        Assert.True(Kyber1024Round3.TryEncapsulate(copy.PublicKeySpan, ciphertext, sent));

        Kyber1024Round3.Decapsulate(copy, ciphertext, received);

        Assert.Equal(sent, received);
        Assert.Equal(expanded, copy.ExportExpanded());
        Assert.True(copy.PublicKeySpan.SequenceEqual(original.PublicKey));
        Assert.Throws<ObjectDisposedException>(() => original.ExportExpanded());
    }
}
