// Noise_XX_25519_ChaChaPoly_SHA256 known answers from cacophony (vectors/cacophony.txt) and snow
// (tests/vectors/snow.txt), as collected in shared/testvectors/noise/noise_xx_25519_chachapoly_sha256.json.
// Messages strictly alternate, starting with the initiator: three handshake messages, then transport messages
// (so index 3 is sent by the responder with the second cipher state).
using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using WotId.Core.Encoding;
using WotId.Crypto;
using WotId.Libp2p.Noise;
using WotId.Testing;

namespace WotId.Libp2p.Tests.Noise;

public sealed class NoiseVectorTests
{
    private const string VectorFile = "noise/noise_xx_25519_chachapoly_sha256.json";

    [Fact]
    public void EveryXxVectorReplaysByteForByte()
    {
        string path = TestVectorFiles.Require(VectorFile);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        int replayed = 0;
        foreach (JsonElement v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            if (v.TryGetProperty("init_psks", out JsonElement psks) && psks.GetArrayLength() > 0)
            {
                continue;
            }

            Replay(v);
            replayed++;
        }

        Assert.Equal(2, replayed);
    }

    [Fact]
    public void TamperedHandshakeMessagesFailAuthentication()
    {
        using var si = X25519PrivateKey.Generate();
        using var sr = X25519PrivateKey.Generate();
        using var init = new NoiseHandshakeState(true, si, default);
        using var resp = new NoiseHandshakeState(false, sr, default);
        byte[] m = new byte[NoiseHandshakeState.MaxMessageLength];
        byte[] p = new byte[NoiseHandshakeState.MaxMessageLength];
        int n = init.WriteMessage(default, m);
        resp.ReadMessage(m.AsSpan(0, n), p);
        n = resp.WriteMessage("payload"u8, m);
        m[40] ^= 1;
        var e = Assert.Throws<NoiseHandshakeException>(() => init.ReadMessage(m.AsSpan(0, n), p));
        Assert.Equal(NoiseError.DecryptionFailed, e.Error);
        Assert.Throws<InvalidOperationException>(() => init.WriteMessage(default, m));
    }

    [Fact]
    public void ShortMessagesAndLowOrderKeysAreRejected()
    {
        using var sr = X25519PrivateKey.Generate();
        using (var resp = new NoiseHandshakeState(false, sr, default))
        {
            Assert.Equal(NoiseError.InvalidMessageLength, Assert.Throws<NoiseHandshakeException>(() => resp.ReadMessage(new byte[31], new byte[64])).Error);
        }

        using var si = X25519PrivateKey.Generate();
        using var init = new NoiseHandshakeState(true, si, default);
        byte[] m = new byte[200];
        init.WriteMessage(default, m);

        // Responder "ephemeral" = the all-zero point: every DH with it is zero.
        byte[] evil = new byte[96];
        Assert.Equal(NoiseError.InvalidPublicKey, Assert.Throws<NoiseHandshakeException>(() => init.ReadMessage(evil, new byte[96])).Error);
    }

    private static void Replay(JsonElement v)
    {
        using X25519PrivateKey initStatic = X25519PrivateKey.Import(Hex.Decode(v.GetProperty("init_static").GetString()!));
        using X25519PrivateKey respStatic = X25519PrivateKey.Import(Hex.Decode(v.GetProperty("resp_static").GetString()!));
        using var init = new NoiseHandshakeState(true, initStatic, Hex.Decode(v.GetProperty("init_prologue").GetString()!),
            X25519PrivateKey.Import(Hex.Decode(v.GetProperty("init_ephemeral").GetString()!)));
        using var resp = new NoiseHandshakeState(false, respStatic, Hex.Decode(v.GetProperty("resp_prologue").GetString()!),
            X25519PrivateKey.Import(Hex.Decode(v.GetProperty("resp_ephemeral").GetString()!)));
        var messages = new List<(byte[] Payload, byte[] Ciphertext)>();
        foreach (JsonElement m in v.GetProperty("messages").EnumerateArray())
        {
            messages.Add((Hex.Decode(m.GetProperty("payload").GetString()!), Hex.Decode(m.GetProperty("ciphertext").GetString()!)));
        }

        byte[] buffer = new byte[NoiseHandshakeState.MaxMessageLength];
        byte[] plain = new byte[NoiseHandshakeState.MaxMessageLength];
        for (int i = 0; i < 3; i++)
        {
            NoiseHandshakeState writer = i % 2 == 0 ? init : resp;
            NoiseHandshakeState reader = i % 2 == 0 ? resp : init;
            int n = writer.WriteMessage(messages[i].Payload, buffer);
            Assert.Equal(Hex.Encode(messages[i].Ciphertext), Hex.Encode(buffer.AsSpan(0, n)));
            int p = reader.ReadMessage(messages[i].Ciphertext, plain);
            Assert.Equal(messages[i].Payload, plain.AsSpan(0, p).ToArray());
        }

        Assert.True(init.IsComplete && resp.IsComplete);
        Assert.Equal(init.HandshakeHash.ToArray(), resp.HandshakeHash.ToArray());
        if (v.TryGetProperty("handshake_hash", out JsonElement hh))
        {
            Assert.Equal(hh.GetString(), Hex.Encode(init.HandshakeHash));
        }

        Assert.Equal(respStatic.PublicKey, init.RemoteStaticKey.ToArray());
        Assert.Equal(initStatic.PublicKey, resp.RemoteStaticKey.ToArray());
        using NoiseTransportState ti = init.Split();
        using NoiseTransportState tr = resp.Split();
        for (int i = 3; i < messages.Count; i++)
        {
            NoiseTransportState writer = i % 2 == 0 ? ti : tr;
            NoiseTransportState reader = i % 2 == 0 ? tr : ti;
            int n = writer.Encrypt(messages[i].Payload, buffer);
            Assert.Equal(Hex.Encode(messages[i].Ciphertext), Hex.Encode(buffer.AsSpan(0, n)));
            int p = reader.Decrypt(messages[i].Ciphertext, plain);
            Assert.Equal(messages[i].Payload, plain.AsSpan(0, p).ToArray());
        }
    }
}
