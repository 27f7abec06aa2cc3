// Protocol handler registration (libp2p/specs connections/README.md "Protocol Negotiation").
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Host;

/// <summary>
/// Serves one inbound stream of a registered protocol. When it returns, the host half-closes and disposes the stream;
/// when it throws, the host resets the stream.
/// </summary>
public delegate Task StreamHandler(Libp2pStream stream, CancellationToken cancellationToken);
