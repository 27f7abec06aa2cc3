using System;
using CsCheck;
using WotId.Signal.Fingerprints;
using WotId.Signal.Keys;
using WotId.Signal.Protocol;
using WotId.Signal.State;

namespace WotId.Signal.Tests.Properties;

/// <summary>Arbitrary bytes never make a Signal decoder throw anything but <see cref="SignalProtocolException"/>.</summary>
public sealed class DecoderPropertyTests
{
    private static readonly Gen<byte[]> s_bytes = Gen.Byte.Array[0, 300];

    private static readonly Gen<byte[]> s_messageLike = Gen.OneOf(
        s_bytes,
        s_bytes.Select(b => Prefix(0x44, b)),
        s_bytes.Select(b => Prefix(0x34, b)));

    public static TheoryData<string> Decoders => new()
    {
        "SignalMessage", "PreKeySignalMessage", "EcPublicKey", "KyberPublicKey", "PreKeyBundle", "SessionRecord",
        "IdentityKeyPair", "PreKeyRecord", "SignedPreKeyRecord", "KyberPreKeyRecord", "ScannableFingerprint",
    };

    [Theory]
    [MemberData(nameof(Decoders))]
    public void ArbitraryBytesOnlyGiveSignalProtocolException(string decoder)
    {
        s_messageLike.Sample(bytes =>
        {
            try
            {
                Decode(decoder, bytes);
            }
            catch (SignalProtocolException)
            {
                // the documented failure
            }
        }, iter: 3000);
    }

    [Fact]
    public async System.Threading.Tasks.Task MutatedValidMessagesOnlyGiveSignalProtocolException()
    {
        using var alice = new Support.Party("alice");
        using var bob = new Support.Party("bob");
        await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Support.Party.Ct);
        byte[] preKey = (await alice.CipherFor(bob).EncryptAsync(new byte[] { 1, 2, 3 }, Support.Party.Ct)).Serialized;
        byte[] inner = PreKeySignalMessage.Deserialize(preKey).Message.Serialized.ToArray();
        byte[] record = (await alice.Store.LoadSessionAsync(bob.Address, Support.Party.Ct))!.Serialize();
        Gen.Select(Gen.Int[0, 2], Gen.Int, Gen.Byte, Gen.Int[0, 3]).Sample((which, pos, value, mode) =>
        {
            byte[] source = which switch { 0 => preKey, 1 => inner, _ => record };
            byte[] m = Mutate(source, pos, value, mode);
            try
            {
                switch (which)
                {
                    case 0: PreKeySignalMessage.Deserialize(m); break;
                    case 1: SignalMessage.Deserialize(m); break;
                    default: SessionRecord.Deserialize(m); break;
                }
            }
            catch (SignalProtocolException)
            {
                // the documented failure
            }
        }, iter: 2000);
    }

    private static void Decode(string decoder, byte[] b)
    {
        switch (decoder)
        {
            case "SignalMessage": SignalMessage.Deserialize(b); break;
            case "PreKeySignalMessage": PreKeySignalMessage.Deserialize(b); break;
            case "EcPublicKey": EcPublicKey.Deserialize(b); break;
            case "KyberPublicKey": KyberPublicKey.Deserialize(b); break;
            case "PreKeyBundle": PreKeyBundle.Deserialize(b); break;
            case "SessionRecord": SessionRecord.Deserialize(b); break;
            case "IdentityKeyPair": IdentityKeyPair.Deserialize(b).Dispose(); break;
            case "PreKeyRecord": PreKeyRecord.Deserialize(b).Dispose(); break;
            case "SignedPreKeyRecord": SignedPreKeyRecord.Deserialize(b).Dispose(); break;
            case "KyberPreKeyRecord": KyberPreKeyRecord.Deserialize(b).Dispose(); break;
            case "ScannableFingerprint": ScannableFingerprint.Parse(b); break;
            default: throw new ArgumentOutOfRangeException(nameof(decoder));
        }
    }

    private static byte[] Prefix(byte first, byte[] rest)
    {
        byte[] r = new byte[rest.Length + 1];
        r[0] = first;
        rest.CopyTo(r, 1);
        return r;
    }

    private static byte[] Mutate(byte[] source, int pos, byte value, int mode)
    {
        int p = (int)((uint)pos % (uint)source.Length);
        byte[] m = (byte[])source.Clone();
        switch (mode)
        {
            case 0: m[p] ^= (byte)(value | 1); return m;
            case 1: return m.AsSpan(0, p).ToArray();
            case 2: m[p] = value; return m;
            default:
                byte[] longer = new byte[m.Length + 1];
                m.AsSpan(0, p).CopyTo(longer);
                longer[p] = value;
                m.AsSpan(p).CopyTo(longer.AsSpan(p + 1));
                return longer;
        }
    }
}
