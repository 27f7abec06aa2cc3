// Signatures of the four libp2p key types (libp2p/specs peer-ids/peer-ids.md, "How Keys are Encoded and Messages
// Signed") made by js-libp2p's @libp2p/crypto with the spec's test-vector private keys, verified by PeerPublicKey.
using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Libp2p.Peer;
using WotId.Testing;

namespace WotId.Libp2p.Tests.Peer;

public sealed class KeySignatureInteropTests
{
    private static readonly string[] s_privateKeys =
    [
        PeerIdVectorTests.Ed25519PrivateProto,
        PeerIdVectorTests.Secp256k1PrivateProto,
        PeerIdVectorTests.EcdsaPrivateProto,
        PeerIdRsaVector.PrivateProto,
    ];

    private static readonly string[] s_publicKeys =
    [
        PeerIdVectorTests.Ed25519PublicProto,
        PeerIdVectorTests.Secp256k1PublicProto,
        PeerIdVectorTests.EcdsaPublicProto,
        PeerIdRsaVector.PublicProto,
    ];

    [Fact]
    public async Task JsSignaturesOfAllFourKeyTypesVerifyAndPeerIdsAgree()
    {
        byte[] message = "noise-libp2p-static-key:0123456789abcdef0123456789abcdef"u8.ToArray();
        string request = JsonSerializer.Serialize(new { keys = s_privateKeys.Select(k => k.ToLowerInvariant()).ToArray(), message = Hex.Encode(message) });
        string stdout = await NodeProcess.RunAsync("libp2p/keys.mjs", request, TimeSpan.FromSeconds(60));
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement[] results = doc.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(4, results.Length);
        for (int i = 0; i < results.Length; i++)
        {
            string publicHex = results[i].GetProperty("publicKey").GetString()!;
            PeerPublicKey key = PeerPublicKey.Decode(Hex.Decode(s_publicKeys[i]));
            if (key.Type != KeyType.Ecdsa)
            {
                // @libp2p/crypto 5 encodes ECDSA public keys as a SEC1-like structure instead of the spec's (and
                // go's) SubjectPublicKeyInfo, so only the other three encodings can agree.
                Assert.Equal(s_publicKeys[i], publicHex);
            }

            if (key.Type != KeyType.Ecdsa)
            {
                // @libp2p/peer-id 6 derives no peer id from ECDSA keys; the other three must agree with js.
                Assert.Equal(results[i].GetProperty("peerId").GetString(), key.ToPeerId().ToString());
                Assert.Equal(results[i].GetProperty("cid").GetString(), key.ToPeerId().ToCidString());
            }
            byte[] signature = Hex.Decode(results[i].GetProperty("signature").GetString()!);
            Assert.True(key.Verify(message, signature), key.Type + " signature from js must verify");

            byte[] otherMessage = (byte[])message.Clone();
            otherMessage[0] ^= 1;
            Assert.False(key.Verify(otherMessage, signature), key.Type + " signature over another message must fail");
            byte[] tampered = (byte[])signature.Clone();
            tampered[^1] ^= 1;
            Assert.False(key.Verify(message, tampered), key.Type + " tampered signature must fail");
            Assert.False(key.Verify(message, ReadOnlySpan<byte>.Empty));
        }
    }
}
