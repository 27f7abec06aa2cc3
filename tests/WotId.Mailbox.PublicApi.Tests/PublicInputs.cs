// The fixed inputs of interop/mailbox/ptb-public.mjs, written with public types only. Versions, amounts and epochs
// above 2^32 catch int truncation; the 200-byte vector and 300-byte module need 2-byte ULEB128 lengths.
using System;
using System.Linq;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.PublicApi.Tests;

internal static class PublicInputs
{
    public static readonly IotaAddress Package = Id(0xa1);
    public static readonly IotaAddress Pool = Id(0xb7);
    public const ulong PoolSharedVersion = 4294967397;
    public static readonly ObjectRef Owned = Ref(0xc1, 5000000000);
    public static readonly ObjectRef Owned2 = Ref(0xc2, 3);
    public static readonly ObjectRef Recv = Ref(0xe1, 4294967296);
    public static readonly ObjectRef Recv2 = Ref(0xe2, 11);
    public static readonly ObjectRef Cap = Ref(0xca, 6000000001);
    public static readonly ObjectRef Gas = Ref(0xd4, 4295000123);
    public static readonly ObjectRef SponsorGas = Ref(0xd5, 9);
    public static readonly byte[] ModuleA = Fill(300, i => (i * 13) + 1);
    public static readonly byte[] ModuleB = Fill(40, i => 200 - i);

    public static IotaKeyPair Alice() => IotaKeyPair.FromSecret(Fill(32, i => i + 1));

    public static IotaKeyPair Bob() => IotaKeyPair.FromSecret(Fill(32, i => i + 0x21));

    public static byte[] Fill(int n, Func<int, int> f) => Enumerable.Range(0, n).Select(i => (byte)(f(i) & 0xff)).ToArray();

    public static IotaAddress Id(byte b) => new(Fill(32, _ => b));

    public static ObjectRef Ref(byte b, ulong version) => new(Id(b), version, new ObjectDigest(Fill(32, _ => b)));

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
