// libp2p/specs relay/circuit-v2.md, "Protobuf": Reservation { required uint64 expire = 1; repeated bytes addrs = 2;
// optional bytes voucher = 3; }.
using System.Collections.Generic;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Protocols.Relay;

/// <summary>A reservation granted by a relay.</summary>
/// <param name="Expire">Expiry, Unix seconds UTC.</param>
/// <param name="Addresses">The relay's own addresses (with <c>/p2p/&lt;relay&gt;</c>, without <c>/p2p-circuit</c>).</param>
/// <param name="Voucher">The signed voucher envelope, if the relay sent one.</param>
public sealed record RelayReservation(ulong Expire, IReadOnlyList<Multiaddress> Addresses, byte[]? Voucher);
