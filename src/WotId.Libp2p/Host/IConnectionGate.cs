// The connection gate: after identify, the host asks which protocols a connection may use. Until the gate opens,
// inbound streams for other protocols are refused with multistream-select "na" (libp2p/specs connections/README.md
// "Protocol Negotiation"), so a node can run its own handshake on a stream first and only then serve its protocols
// (the role of rust-libp2p's ConnectionHandler keep-alive/allow-list, done here per connection).
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Host;

/// <summary>Decides, per connection, when its inbound protocols open. Set through <see cref="Libp2pHostOptions.ConnectionGate"/>.</summary>
public interface IConnectionGate
{
    /// <summary>
    /// Protocols served while the gate is shut, besides identify, identify/push and ping (e.g. the node's handshake).
    /// Read once per inbound stream; they are served from the first moment of the connection.
    /// </summary>
    IReadOnlyCollection<string> PreVerificationProtocols { get; }

    /// <summary>
    /// Called once per connection after identify finished (successfully or not; see
    /// <see cref="Libp2pConnection.Identified"/>). Return <see cref="ConnectionGateDecision.Open"/> to serve every
    /// protocol, <see cref="ConnectionGateDecision.Hold"/> to keep the gate shut until
    /// <see cref="Libp2pConnection.OpenGate"/> or <see cref="Libp2pConnection.CloseAsync(string)"/>, or
    /// <see cref="ConnectionGateDecision.Reject"/> to close the connection. The token ends with the connection or the
    /// host. An exception closes the connection (and is logged as an error: it is a bug in the gate).
    /// </summary>
    ValueTask<ConnectionGateDecision> OnIdentifiedAsync(Libp2pConnection connection, CancellationToken cancellationToken);
}
