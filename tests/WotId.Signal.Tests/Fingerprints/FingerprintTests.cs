using System;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using WotId.Signal.Fingerprints;
using WotId.Signal.Keys;
using WotId.Signal.Tests.Interop;
using WotId.Testing.Signal;

namespace WotId.Signal.Tests.Fingerprints;

/// <summary>Safety numbers: libsignal's own vectors (rust/protocol/src/fingerprint.rs tests) and live comparison with libsignal-client.</summary>
public sealed class FingerprintTests
{
    private static readonly EcPublicKey s_alice = EcPublicKey.Deserialize(Convert.FromHexString("0506863bc66d02b40d27b8d49ca7c09e9239236f9d7d25d6fcca5ce13c7064d868"));
    private static readonly EcPublicKey s_bob = EcPublicKey.Deserialize(Convert.FromHexString("05f781b6fb32fed9ba1cf2de978d4d5da28dc34046ae814402b5c0dbd96fda907b"));

    [Theory]
    [InlineData(1u, "080112220a201e301a0353dce3dbe7684cb8336e85136cdc0ee96219494ada305d62a7bd61df1a220a20d62cbf73a11592015b6b9f1682ac306fea3aaf3885b84d12bca631e9d4fb3a4d")]
    [InlineData(2u, "080212220a201e301a0353dce3dbe7684cb8336e85136cdc0ee96219494ada305d62a7bd61df1a220a20d62cbf73a11592015b6b9f1682ac306fea3aaf3885b84d12bca631e9d4fb3a4d")]
    public void LibsignalTestVectors(uint version, string aliceScannable)
    {
        Fingerprint a = Fingerprint.Create(version, 5200, "+14152222222"u8, s_alice, "+14153333333"u8, s_bob);
        Fingerprint b = Fingerprint.Create(version, 5200, "+14153333333"u8, s_bob, "+14152222222"u8, s_alice);
        Assert.Equal("300354477692869396892869876765458257569162576843440918079131", a.Displayable);
        Assert.Equal(a.Displayable, b.Displayable);
        Assert.Equal(aliceScannable, Convert.ToHexStringLower(a.Scannable.Serialize()));
        Assert.True(a.Scannable.Compare(b.Scannable.Serialize()));
        Assert.False(a.Scannable.Compare(a.Scannable.Serialize()));
        var e = Assert.Throws<SignalProtocolException>(() => Fingerprint.Create(version == 1 ? 2u : 1u, 5200, "x"u8, s_alice, "y"u8, s_bob).Scannable.Compare(b.Scannable.Serialize()));
        Assert.Equal(SignalError.FingerprintVersionMismatch, e.Error);
    }

    [Fact]
    public async Task EqualToLibsignalClient()
    {
        await using LibsignalPeer js = await LibsignalPeer.StartAsync("fp");
        for (int i = 0; i < 4; i++)
        {
            using IdentityKeyPair local = IdentityKeyPair.Generate();
            using IdentityKeyPair remote = IdentityKeyPair.Generate();
            byte[] localId = Encoding.UTF8.GetBytes("local-" + i), remoteId = Encoding.UTF8.GetBytes("remote-" + i);
            uint version = (uint)(1 + (i % 2));
            Fingerprint f = Fingerprint.Create(version, 5200, localId, local.PublicKey, remoteId, remote.PublicKey);
            JsonObject r = await js.CallAsync(new JsonObject
            {
                ["cmd"] = "fingerprint", ["version"] = version, ["iterations"] = 5200,
                ["localId"] = LibsignalPeer.Hex(localId), ["localKey"] = LibsignalPeer.Hex(local.PublicKey.Serialize()),
                ["remoteId"] = LibsignalPeer.Hex(remoteId), ["remoteKey"] = LibsignalPeer.Hex(remote.PublicKey.Serialize()),
            });
            Assert.Equal((string)r["display"]!, f.Displayable);
            Assert.Equal((string)r["scannable"]!, Convert.ToHexStringLower(f.Scannable.Serialize()));
        }
    }
}
