// The shared state of SimulatedNode instances: who exists, and what an invitation names.
using System;
using System.Collections.Concurrent;
using WotId.Node.Api;

namespace WotId.Node.Tests.Control.Web;

internal sealed class SimulatedNetwork
{
    private const string InvitationPrefix = "wotid:SIMULATED-";
    private readonly ConcurrentDictionary<string, SimulatedNode> _nodes = new(StringComparer.Ordinal);

    internal static string InvitationOf(string name) => InvitationPrefix + name;

    internal SimulatedNode Add(string name, string? handshakeFailure = null) => _nodes[name] = new SimulatedNode(this, name, handshakeFailure);

    internal SimulatedNode Node(string name) => _nodes[name];

    internal SimulatedNode FromInvitation(string uri) =>
        uri.StartsWith(InvitationPrefix, StringComparison.Ordinal) && _nodes.TryGetValue(uri[InvitationPrefix.Length..], out SimulatedNode? node)
            ? node
            : throw new NodeException(NodeError.InvalidInvitation, "not an invitation of this network");
}
