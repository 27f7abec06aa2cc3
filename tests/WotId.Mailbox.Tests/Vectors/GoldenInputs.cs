// The fixed inputs of interop/mailbox/vectors.mjs, mirrored here so both sides build the same transactions.
using System;
using System.Linq;
using WotId.Core.Encoding;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Vectors;

internal static class GoldenInputs
{
    public static readonly IotaAddress Package = Id(0xa1);
    public static readonly SharedRef MailboxRef = new(Id(0xb2), 4294967397);
    public static readonly ObjectRef Cap = new(Id(0xc3), 5000000000, Digest(0x33));
    public static readonly ObjectRef Msg = new(Id(0xe5), 4294967296, Digest(0x55));
    public static readonly ObjectRef Stray = new(Id(0xf6), 7, Digest(0x66));
    public static readonly ObjectRef CoinB = new(Id(0x17), ulong.MaxValue, Digest(0x77));
    public static readonly ObjectRef CoinC = new(Id(0x18), 1, Digest(0x78));
    public static readonly ObjectRef Gas = new(Id(0xd4), 4295000123, Digest(0x44));
    public static readonly ObjectRef SponsorGas = new(Id(0xd5), 9, Digest(0x45));
    public static readonly byte[] Payload300 = Fill(300, i => i * 7 + 3);
    public static readonly byte[] Payload200 = Fill(200, i => 255 - i);
    public static readonly byte[] EncryptionKey = Fill(32, _ => 0x55);

    public static IotaKeyPair Alice() => IotaKeyPair.FromSecret(Fill(32, i => i + 1));

    public static IotaKeyPair Bob() => IotaKeyPair.FromSecret(Fill(32, i => i + 0x21));

    public static GasConfig DefaultGas => new([Gas], 1000, 5_000_000);

    public static byte[] Fill(int n, Func<int, int> f) => Enumerable.Range(0, n).Select(i => (byte)(f(i) & 0xff)).ToArray();

    public static IotaAddress Id(byte b) => new(Fill(32, _ => b));

    public static ObjectDigest Digest(byte b) => new(Fill(32, _ => b));

    public static string Hex(byte[] b) => WotId.Core.Encoding.Hex.Encode(b);

    public static string Base58Of(ObjectDigest d) => Base58.Encode(d.Span);
}
