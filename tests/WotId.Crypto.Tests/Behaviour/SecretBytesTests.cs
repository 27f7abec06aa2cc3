// SecretBytes (issue 15: secrets of up to 128 bytes are pieces of shared pinned slabs): each handle's bytes are its
// own, Dispose zeroes them and later access throws, and a disposed piece is never handed to another handle.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace WotId.Crypto.Tests.Behaviour;

public sealed class SecretBytesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(80)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(3168)]
    public void DisposeZeroesTheBytesAndLaterAccessThrows(int length)
    {
        byte[] content = Enumerable.Range(1, length).Select(i => (byte)(i | 1)).ToArray();
        var secret = SecretBytes.Create(content);
        ReadOnlySpan<byte> view = secret.Span;
        Assert.Equal(length, secret.Length);
        Assert.True(view.SequenceEqual(content));

        secret.Dispose();

        Assert.True(view.IndexOfAnyExcept((byte)0) < 0);
        Assert.Throws<ObjectDisposedException>(() => secret.Span.Length);
        Assert.Equal(length, secret.Length);
        secret.Dispose();
    }

    [Fact]
    public void NeighbouringSecretsKeepTheirBytesWhenOthersAreDisposed()
    {
        var secrets = new List<(SecretBytes Secret, byte[] Content)>();
        for (int i = 0; i < 600; i++)
        {
            byte[] content = new byte[i % 131];
            Array.Fill(content, (byte)(i % 250 + 1));
            secrets.Add((SecretBytes.Create(content), content));
        }

        for (int i = 0; i < secrets.Count; i += 2)
        {
            secrets[i].Secret.Dispose();
        }

        for (int i = 1; i < secrets.Count; i += 2)
        {
            Assert.Equal(secrets[i].Content.Length, secrets[i].Secret.Length);
            Assert.True(secrets[i].Secret.Span.SequenceEqual(secrets[i].Content));
            secrets[i].Secret.Dispose();
        }
    }

    [Fact]
    public void ADisposedSecretsMemoryIsNeverHandedToANewSecret()
    {
        var first = SecretBytes.Random(32);
        ReadOnlySpan<byte> firstView = first.Span;
        first.Dispose();
        byte[] ones = new byte[32];
        Array.Fill(ones, (byte)0xff);
        var later = new List<SecretBytes>();
        for (int i = 0; i < 2_000; i++)
        {
            later.Add(SecretBytes.Create(ones));
            Assert.True(firstView.IndexOfAnyExcept((byte)0) < 0);
        }

        Assert.All(later, s => Assert.True(s.Span.SequenceEqual(ones)));
        later.ForEach(s => s.Dispose());
    }

    [Fact]
    public void SecretsCreatedAndDisposedOnManyThreadsStayIntact()
    {
        Parallel.For(0, 8, worker =>
        {
            var mine = new List<(SecretBytes Secret, byte[] Content)>();
            for (int i = 0; i < 5_000; i++)
            {
                byte[] content = new byte[16 + (i % 113)];
                Array.Fill(content, (byte)(worker * 31 + i % 7 + 1));
                mine.Add((SecretBytes.Create(content), content));
                if (mine.Count > 64)
                {
                    (SecretBytes oldest, byte[] expected) = mine[0];
                    Assert.True(oldest.Span.SequenceEqual(expected));
                    oldest.Dispose();
                    mine.RemoveAt(0);
                }
            }

            foreach ((SecretBytes secret, byte[] content) in mine)
            {
                Assert.True(secret.Span.SequenceEqual(content));
                secret.Dispose();
            }
        });
    }

    [Fact]
    public void ToStringShowsTheLengthOnly()
    {
        using var secret = SecretBytes.Create(new byte[] { 0x41, 0x42, 0x43 });

        Assert.Equal("SecretBytes(3 bytes)", secret.ToString());
    }
}
