// Seeds for the TSP targets: signed TSP messages in the Rust SDK layout (a generic payload and a relationship
// request), the same in the CESR text domain, and wot.id envelopes of two message types.
using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using WotId.Crypto;
using WotId.Tsp.Cesr;
using WotId.Tsp.Messages;
using WotId.Tsp.Wire;

namespace WotId.Fuzz.Seeds;

internal static partial class SeedCorpus
{
    private static IEnumerable<Seed> Tsp()
    {
        using Ed25519PrivateKey key = Ed25519PrivateKey.FromSeed(new byte[32]);
        var signer = new TspEd25519Signer(key);
        byte[] generic = TspSignedMessage.Create(signer, "did:example:alice", "did:example:bob", new TspGenericPayload("{\"hello\":1}"u8));
        byte[] request = TspSignedMessage.Create(signer, "did:example:alice", "did:example:bob", TspRelationship.CreateRequest("did:example:alice", new byte[32]));
        yield return new Seed("tsp-message", "generic", generic);
        yield return new Seed("tsp-message", "relationship-request", request);
        yield return new Seed("tsp-message", "generic-text", Encoding.ASCII.GetBytes(CesrText.ToText(generic)));
        yield return new Seed("tsp-cesr", "binary", request);
        yield return new Seed("tsp-cesr", "text", Encoding.ASCII.GetBytes(CesrText.ToText(generic)));

        var time = new FixedTime();
        yield return new Seed("tsp-wot-message", "chat", WotMessageCodec.Serialize(WotMessage.Create(WotMessageTypes.ChatText, Json("{\"content\":\"hi\"}"), time, "m-1")));
        yield return new Seed("tsp-wot-message", "receipt", WotMessageCodec.Serialize(
            WotMessage.Create(WotMessageTypes.ReceiptRead, Json("{\"message_ids\":[\"m-1\"]}"), time, "m-2")));
    }

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
