// Seeds for the SPQR targets (SparsePostQuantumRatchet V1): messages from a live pair of sessions, a serialized
// session state after a few exchanges, and erasure-code chunks from the encoder.
using System.Collections.Generic;
using System.Security.Cryptography;
using WotId.Signal.Spqr;
using WotId.Signal.Spqr.Erasure;

namespace WotId.Fuzz.Seeds;

internal static partial class SeedCorpus
{
    private static IEnumerable<Seed> Spqr()
    {
        var authKey = new byte[32];
        using var rng = RandomNumberGenerator.Create();
        SpqrSession a = SpqrSession.Create(SpqrDirection.A2B, authKey, SpqrParameters.Default);
        SpqrSession b = SpqrSession.Create(SpqrDirection.B2A, authKey, SpqrParameters.Default);
        for (int i = 0; i < 4; i++)
        {
            SpqrSendResult fromA = a.Send(rng);
            b.Receive(fromA.Message);
            SpqrSendResult fromB = b.Send(rng);
            a.Receive(fromB.Message);
            if (i < 2)
            {
                yield return new Seed("spqr-message", "a2b-" + i, fromA.Message);
                yield return new Seed("spqr-message", "b2a-" + i, fromB.Message);
            }
        }

        yield return new Seed("spqr-state", "a", a.Serialize());
        yield return new Seed("spqr-state", "b", b.Serialize());

        var payload = new byte[96];
        payload[0] = 1;
        var encoder = new PolyEncoder(payload);
        var chunks = new List<byte> { 0 };
        for (int i = 0; i < 4; i++)
        {
            Chunk chunk = encoder.NextChunk();
            chunks.Add((byte)(chunk.Index >> 8));
            chunks.Add((byte)chunk.Index);
            chunks.AddRange(chunk.Data);
        }

        yield return new Seed("spqr-chunk", "96-bytes", chunks.ToArray());
    }
}
