// Seeds for the node targets: sealed profile values in their stored layout, sealed for another row than the one the
// target opens (so they reach the authentication check and fail there, as a value moved between rows must), and
// invitation texts.
using System.Collections.Generic;
using WotId.Node.Storage;

namespace WotId.Fuzz.Seeds;

internal static partial class SeedCorpus
{
    private static IEnumerable<Seed> Node()
    {
        using AtRestKey key = AtRestKey.Derive("seed", new byte[AtRestKey.SaltSize], new KdfParameters(8, 1, 1));
        yield return new Seed("node-sealed-value", "empty", key.Seal("t", "c", "r", []));
        yield return new Seed("node-sealed-value", "body", key.Seal("inbox", "body", "2/m", "hello"u8));

        // QR part texts in the documented shape (WOTID:1/P/<i>/<n>/<set>/<chunk>) and a URI prefix: they reach the
        // part join and the base32 body decoder; full signed invitations come from a long run's queue.
        yield return Text("node-invitation", "qr-part", "WOTID:1/P/2/2/AAAAAAAA/MZXW6YTBOI");
        yield return Text("node-invitation", "uri", "wotid:1/AEAQCAIB");
    }
}
