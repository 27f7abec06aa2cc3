using System;
using System.Linq;
using System.Security.Cryptography;
using WotId.Signal.Spqr.Erasure;
using Xunit;

namespace WotId.Signal.Tests.Spqr;

/// <summary>GF(2^16) and the systematic polynomial erasure code of SPQR.</summary>
public sealed class ErasureCodeTests
{
    [Fact]
    public void XGeneratesTheWholeMultiplicativeGroup()
    {
        // 0x1100B is primitive: the powers of x visit all 65,535 non-zero elements before returning to 1.
        int value = 1;
        for (int i = 1; i < 65535; i++)
        {
            value = Gf16.MultiplySlow((ushort)value, 2);
            Assert.NotEqual(1, value);
        }

        Assert.Equal(1, Gf16.MultiplySlow((ushort)value, 2));
    }

    [Fact]
    public void TableMultiplicationMatchesCarrylessReduction()
    {
        var random = new Random(5);
        for (int i = 0; i < 20_000; i++)
        {
            ushort a = (ushort)random.Next(65536), b = (ushort)random.Next(65536);
            Assert.Equal(Gf16.MultiplySlow(a, b), Gf16.Multiply(a, b));
            if (b != 0)
            {
                Assert.Equal(a, Gf16.Multiply(Gf16.Divide(a, b), b));
            }
        }

        // Known products: x^15 · x = x^16 = x^12 + x^3 + x + 1; (x+1)^2 = x^2 + 1.
        Assert.Equal(0x100B, Gf16.Multiply(0x8000, 0x0002));
        Assert.Equal(0x0005, Gf16.Multiply(0x0003, 0x0003));
    }

    [Fact]
    public void FirstChunksAreThePayloadItself()
    {
        byte[] payload = RandomNumberGenerator.GetBytes(96);
        var encoder = new PolyEncoder(payload);
        for (int c = 0; c < 3; c++)
        {
            Chunk chunk = encoder.NextChunk();
            Assert.Equal(c, chunk.Index);
            Assert.Equal(payload.AsSpan(32 * c, 32).ToArray(), chunk.Data);
        }
    }

    [Theory]
    [InlineData(96)]
    [InlineData(160)]
    [InlineData(960)]
    [InlineData(1152)]
    [InlineData(70)]
    public void AnyNDistinctChunksRebuildThePayload(int length)
    {
        var random = new Random(length);
        byte[] payload = new byte[length];
        random.NextBytes(payload);
        var encoder = new PolyEncoder(payload);
        int needed = (length + 31) / 32;
        for (int trial = 0; trial < 5; trial++)
        {
            int[] indices = Enumerable.Range(0, needed * 3).OrderBy(_ => random.Next()).Take(needed).ToArray();
            var decoder = new PolyDecoder(length);
            foreach (int index in indices)
            {
                Assert.Null(decoder.DecodedMessage());
                decoder.AddChunk(encoder.ChunkAt((ushort)index));
                decoder.AddChunk(encoder.ChunkAt((ushort)index));
            }

            Assert.Equal(payload, decoder.DecodedMessage());
        }
    }

    [Fact]
    public void ChunksBeyondThePayloadAreThePolynomialValues()
    {
        // Known answers computed independently (Python: carry-less multiply mod 0x1100B, Lagrange form):
        // polynomial 0 through (0, 0x1234), (1, 0xBEEF), (2, 0x0F0F) is 0xA3D4 at x = 3 and 0x3ED3 at x = 40.
        byte[] payload = new byte[96];
        payload[0] = 0x12;
        payload[1] = 0x34;
        payload[32] = 0xBE;
        payload[33] = 0xEF;
        payload[64] = 0x0F;
        payload[65] = 0x0F;
        var encoder = new PolyEncoder(payload);
        Chunk three = encoder.ChunkAt(3);
        Chunk forty = encoder.ChunkAt(40);
        Assert.Equal(0xA3D4, (three.Data[0] << 8) | three.Data[1]);
        Assert.Equal(0x3ED3, (forty.Data[0] << 8) | forty.Data[1]);
        Assert.All(three.Data.Skip(2), b => Assert.Equal(0, b));
    }
}
