// Maps the host's resource counters to the status record (docs/cli.md "status").
using WotId.Libp2p.Host;
using WotId.Libp2p.Host.Resources;
using WotId.Node.Api;

namespace WotId.Node.Runtime;

internal static class NetworkStatuses
{
    public static NetworkStatus From(Libp2pHost host)
    {
        ResourceUsage u = host.ResourceUsage;
        var refusals = new NetworkRefusals(
            u.RefusalsByScope[ResourceScope.System],
            u.RefusalsByScope[ResourceScope.Transient],
            u.RefusalsByScope[ResourceScope.Peer],
            u.RefusalsByScope[ResourceScope.Protocol],
            u.RefusalsByScope[ResourceScope.Connection]);
        return new NetworkStatus(
            u.InboundConnections,
            u.OutboundConnections,
            u.PendingInbound,
            u.PendingOutbound,
            u.TransientConnections,
            u.Streams,
            u.MemoryBytes,
            u.BufferedBytes,
            host.ConnectionManager.TrimmedCount,
            refusals);
    }
}
