using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using WotId.Signal.Protocol;
using WotId.Signal.Spqr;
using WotId.Signal.Tests.Interop;
using WotId.Signal.Tests.Support;
using Xunit;

namespace WotId.Signal.Tests.Spqr;

/// <summary>
/// The braid seen on the wire against libsignal-client 0.103.0: field 5 of every message in both directions is parsed
/// with our framing, and the conversation must show libsignal playing both braid roles (every payload type) and
/// reaching SCKA epoch 3, which only happens when our Hdr/Ek/Ct1/Ct2 chunks are accepted by libsignal and theirs by us.
/// </summary>
public sealed class SpqrLibsignalTrafficTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AlternatingTrafficWalksTheBraidInBothRoles(bool csInitiates)
    {
        await using Conversation c = await Conversation.StartAsync(csInitiates);
        var theirs = new List<SpqrMessage>();
        var ours = new List<SpqrMessage>();
        for (int round = 0; round < 150 && (Max(theirs) < 3 || Max(ours) < 3 || Types(theirs).Count < 7); round++)
        {
            byte[] plaintext = c.NextPlaintext();
            CiphertextMessage fromCs = await c.Cipher.EncryptAsync(plaintext, Party.Ct);
            ours.Add(Field5(fromCs));
            var results = await c.Js.DecryptAsync("cs", [fromCs]);
            Assert.True(results[0].Plaintext is not null, "libsignal failed: " + results[0].Error);

            List<CiphertextMessage> fromJs = await c.Js.EncryptAsync("cs", [c.NextPlaintext()]);
            theirs.Add(Field5(fromJs[0]));
            await c.Cipher.DecryptAsync(fromJs[0], Party.Ct);
        }

        Assert.True(Max(theirs) >= 3, "libsignal's messages reached SCKA epoch " + Max(theirs));
        Assert.True(Max(ours) >= 3, "our messages reached SCKA epoch " + Max(ours));
        Assert.Equal(7, Types(theirs).Count);
        Assert.Equal(7, Types(ours).Count);
        foreach (SpqrMessage m in theirs.Concat(ours))
        {
            Assert.True(m.Index >= 1);
        }

        Assert.True(await c.CsEpochAsync() >= 3);
        Assert.True(await c.Js.EpochAsync("cs") >= 3);
    }

    private static SpqrMessage Field5(CiphertextMessage message)
    {
        SignalMessage signal = message.Type == CiphertextMessageType.PreKey
            ? PreKeySignalMessage.Deserialize(message.Serialized).Message
            : SignalMessage.Deserialize(message.Serialized);
        byte[] field5 = signal.PqRatchet.ToArray();
        SpqrMessage parsed = SpqrMessage.Parse(field5);
        // Both implementations write minimal varints and nothing after the payload: re-encoding gives the same bytes.
        Assert.Equal(field5, parsed.Serialize());
        return parsed;
    }

    private static ulong Max(List<SpqrMessage> messages) => messages.Count == 0 ? 0 : messages.Max(m => m.Epoch);

    private static HashSet<SpqrMessageType> Types(List<SpqrMessage> messages) => messages.Select(m => m.Type).ToHashSet();
}
