using System;
using System.Text;
using CsCheck;
using WotId.Tsp.Messages;

namespace WotId.Tsp.Tests.Messages;

/// <summary>Arbitrary input to the message parser only raises <see cref="WotMessageException"/>.</summary>
public sealed class WotMessagePropertyTests
{
    private static readonly byte[] s_valid = Encoding.UTF8.GetBytes(
        """{"id":"m1","type":"trust.assertion","timestamp":"2026-11-25T19:30:00Z","payload":{"target_did":"did:iota:0x3a","trust_level":5,"context":"p"}}""");

    [Fact]
    public void ArbitraryBytesNeverThrowAnythingButWotMessageException()
    {
        Gen.Byte.Array[0, 300].Sample(bytes => Swallow(() => WotMessageCodec.Parse(bytes)), iter: 20_000);
    }

    [Fact]
    public void MutatedValidMessagesNeverThrowAnythingButWotMessageException()
    {
        Gen.Select(Gen.Int[0, s_valid.Length - 1], Gen.Char["{}[]\",:0123456789-.eE\\ a\u00e9tfn"], Gen.Int[1, s_valid.Length]).Sample((at, c, cut) =>
        {
            string s = Encoding.UTF8.GetString(s_valid);
            s = (s[..at] + c + s[(at + 1)..])[..Math.Min(cut, s.Length)];
            Swallow(() => WotMessageCodec.Parse(Encoding.UTF8.GetBytes(s)));
        }, iter: 20_000);
    }

    private static void Swallow(Action action)
    {
        try
        {
            action();
        }
        catch (WotMessageException)
        {
        }
    }
}
