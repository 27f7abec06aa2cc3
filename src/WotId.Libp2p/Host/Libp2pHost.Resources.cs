// The host's side of the resource manager and the connection manager (see Host/Resources): counters readable by the
// node, the mapping from connection-limit refusals to resource limits, and the trim trigger (on every new connection
// above high water, and periodically for connections whose grace period ended later).
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host.Resources;
using WotId.Libp2p.Transports;

namespace WotId.Libp2p.Host;

public sealed partial class Libp2pHost
{
    private readonly ResourceManager _resources;

    /// <summary>Trims connections above the high water mark; protect contacts here.</summary>
    public ConnectionManager ConnectionManager { get; }

    /// <summary>Current use and refusals of the host's resource scopes (counters, and one pass over the connections and their streams).</summary>
    public ResourceUsage ResourceUsage
    {
        get
        {
            int inbound = 0, outbound = 0, transient = 0;
            long buffered = 0;
            foreach (Libp2pConnection c in Connections)
            {
                buffered += c.Session.BufferedBytes;
                if (c.IsInitiator)
                {
                    outbound++;
                }
                else
                {
                    inbound++;
                }

                transient += c.IsGateOpen ? 0 : 1;
            }

            int pendingOutbound;
            lock (_lock)
            {
                pendingOutbound = _pendingOutbound;
            }

            var refusals = _resources.RefusalCounts();
            return new ResourceUsage(
                inbound, outbound, _inbound.Pending, pendingOutbound, transient, _resources.Streams, _resources.TransientStreams,
                _resources.Memory, ResourceManager.ByScope(refusals), refusals)
            {
                BufferedBytes = buffered,
            };
        }
    }

    private static ConnectionLimitKind ConnectionKindOf(InboundRefusal refusal) => refusal switch
    {
        InboundRefusal.PendingInboundPerIp => ConnectionLimitKind.PendingInboundPerIp,
        InboundRefusal.PendingInboundPerSubnet => ConnectionLimitKind.PendingInboundPerSubnet,
        _ => ConnectionLimitKind.PendingInbound,
    };

    private static ResourceLimitKind ResourceKindOf(ConnectionLimitKind kind) => kind switch
    {
        ConnectionLimitKind.InboundConnections => ResourceLimitKind.InboundConnections,
        ConnectionLimitKind.OutboundConnections => ResourceLimitKind.OutboundConnections,
        ConnectionLimitKind.PendingInboundPerIp => ResourceLimitKind.PendingInboundPerIp,
        ConnectionLimitKind.PendingInboundPerSubnet => ResourceLimitKind.PendingInboundPerSubnet,
        ConnectionLimitKind.ConnectionsPerPeer => ResourceLimitKind.ConnectionsPerPeer,
        _ => ResourceLimitKind.PendingInbound,
    };

    private void OnConnectionAdded()
    {
        int count;
        lock (_lock)
        {
            count = _connections.Count;
        }

        if (ConnectionManager.AboveHighWater(count))
        {
            _tasks.Add(ConnectionManager.TrimAsync(_stopping.Token));
        }
    }

    private async Task TrimLoopAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(ConnectionManager.Options.CheckInterval, _time, _stopping.Token).ConfigureAwait(false);
                await ConnectionManager.TrimAsync(_stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
