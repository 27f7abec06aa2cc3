using System;
using WotId.Signal.Spqr.Braid;
using Xunit;

namespace WotId.Signal.Tests.Spqr;

/// <summary>
/// Known answers for the braid authenticator and the SCKA epoch secret (SparsePostQuantumRatchet src/authenticator.rs), computed independently
/// with Python's hmac/hashlib from the spec strings: auth key 32 × 0x29, header bytes 0..63, ML-KEM secret 32 × 0x07,
/// ct1 = 960 × 0x01, ct2 = 128 × 0x02, epoch 1.
/// </summary>
public sealed class AuthenticatorTests
{
    [Fact]
    public void HeaderMacAfterTheInitialUpdate()
    {
        Authenticator auth = Authenticator.Create(Filled(0x29, 32), 1);
        byte[] header = new byte[64];
        for (int i = 0; i < header.Length; i++)
        {
            header[i] = (byte)i;
        }

        byte[] mac = auth.MacHeader(1, header);
        Assert.Equal("66661f0392da7880ca1ab8c1b81599740cf445b7c0ba60c91c05ed2fe8ce7ffe", Convert.ToHexStringLower(mac));
        Assert.True(auth.VerifyHeader(1, header, mac));
        Assert.False(auth.VerifyHeader(2, header, mac));
    }

    [Fact]
    public void EpochSecretAndCiphertextMac()
    {
        byte[] secret = BraidState.SckaKey(1, Filled(0x07, 32));
        Assert.Equal("c366490e03124b184dcb37192238cc16929720fded925a16c870c542eb30b653", Convert.ToHexStringLower(secret));
        Authenticator auth = Authenticator.Create(Filled(0x29, 32), 1);
        auth.Update(1, secret);
        byte[] mac = auth.MacCiphertext(1, Filled(0x01, 960), Filled(0x02, 128));
        Assert.Equal("28d0de044deff79f3fd6940dbf8681905810a65a6a8175f7fd0758970bbe7903", Convert.ToHexStringLower(mac));
    }

    private static byte[] Filled(byte value, int length)
    {
        byte[] bytes = new byte[length];
        Array.Fill(bytes, value);
        return bytes;
    }
}
