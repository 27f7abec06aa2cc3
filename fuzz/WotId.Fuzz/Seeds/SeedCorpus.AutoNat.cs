// Seeds for the AutoNAT v2 target: a dial request with two addresses, a dial-data request and response, a dial
// response, and a dial back.
using System.Collections.Generic;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Protocols.AutoNat;

namespace WotId.Fuzz.Seeds;

internal static partial class SeedCorpus
{
    private static IEnumerable<Seed> AutoNat()
    {
        Multiaddress[] addrs = [Multiaddress.Parse("/ip4/198.51.100.2/tcp/4001"), Multiaddress.Parse("/ip6/2001:db8::1/tcp/4002")];
        yield return new Seed("libp2p-autonat", "dial-request", AutoNatMessage.DialRequest(addrs, 0x0102030405060708).Encode());
        yield return new Seed("libp2p-autonat", "dial-data-request", AutoNatMessage.DialDataRequest(1, 30_000).Encode());
        yield return new Seed("libp2p-autonat", "dial-data-response", AutoNatMessage.DialDataResponse(16).Encode());
        yield return new Seed("libp2p-autonat", "dial-response", AutoNatMessage.DialResponse(AutoNatResponseStatus.Ok, 1, AutoNatDialStatus.DialError).Encode());
        yield return new Seed("libp2p-autonat", "dial-back", AutoNatProtocol.EncodeDialBack(0x0102030405060708));
    }
}
