// Host events and the connection gate. Events go through a bounded channel that drops the oldest entry when full
// (house style point 11: bounded queues only), so a slow or failing consumer can never stall or abort an upgrade;
// the count of dropped events is public. rust-libp2p's Swarm reports the same steps as SwarmEvents.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using WotId.Libp2p.Protocols.Identify;
using WotId.Libp2p.Protocols.Ping;

namespace WotId.Libp2p.Host;

public sealed partial class Libp2pHost
{
    private static readonly string[] s_ungated = [IdentifyProtocol.ProtocolId, IdentifyProtocol.PushProtocolId, PingProtocol.ProtocolId];

    private long _droppedEvents;

    /// <summary>Events dropped because the queue was full (see <see cref="Libp2pHostOptions.EventCapacity"/>).</summary>
    public long DroppedEventCount => Interlocked.Read(ref _droppedEvents);

    /// <summary>
    /// The host's connection events, in order, until the host stops. Meant for one consumer: concurrent readers
    /// share (split) the events. Events that happened before the read started are delivered too, up to the capacity.
    /// </summary>
    public IAsyncEnumerable<HostEvent> ReadEventsAsync(CancellationToken cancellationToken = default) =>
        _events.Reader.ReadAllAsync(cancellationToken);

    private static Channel<HostEvent> CreateEventChannel(Libp2pHost host, int capacity) =>
        Channel.CreateBounded<HostEvent>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest },
            dropped =>
            {
                long count = Interlocked.Increment(ref host._droppedEvents);
                Log.EventDropped(host.Logger, dropped.Kind, dropped.Connection.RemotePeer, count);
            });

    private void Emit(HostEventKind kind, Libp2pConnection connection, string? reason = null, Exception? error = null) =>
        _events.Writer.TryWrite(new HostEvent(kind, connection, _time.GetUtcNow(), reason, error));

    internal void OnGateOpened(Libp2pConnection connection)
    {
        connection.Resources?.MarkVerified();
        Log.GateOpened(Logger, connection.RemotePeer);
        Emit(HostEventKind.GateOpened, connection);
    }

    /// <summary>The protocols an inbound stream on <paramref name="connection"/> may negotiate now.</summary>
    private IReadOnlyCollection<string> ServedProtocols(Libp2pConnection connection)
    {
        if (connection.IsGateOpen || _options.ConnectionGate is not { } gate)
        {
            return _handlers.Keys.ToArray();
        }

        var allowed = new List<string>(s_ungated.Length + gate.PreVerificationProtocols.Count);
        foreach (string p in s_ungated)
        {
            if (_handlers.ContainsKey(p))
            {
                allowed.Add(p);
            }
        }

        foreach (string p in gate.PreVerificationProtocols)
        {
            if (_handlers.ContainsKey(p) && !allowed.Contains(p))
            {
                allowed.Add(p);
            }
        }

        return allowed;
    }

    /// <summary>Runs after identify: asks the gate and applies its decision.</summary>
    private async Task ApplyGateAsync(Libp2pConnection connection, IConnectionGate gate)
    {
        ConnectionGateDecision decision;
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, connection.Closing);
            decision = await gate.OnIdentifiedAsync(connection, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested || connection.IsClosed)
        {
            return;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.GateFailed(Logger, connection.RemotePeer, ex);
            await connection.CloseAsync("gate: the gate failed").ConfigureAwait(false);
            return;
        }

        switch (decision.Verdict)
        {
            case ConnectionGateVerdict.Open:
                connection.OpenGate();
                break;
            case ConnectionGateVerdict.Hold:
                if (!connection.IsGateOpen && !connection.IsClosed)
                {
                    Log.GateHeld(Logger, connection.RemotePeer);
                    Emit(HostEventKind.Gated, connection);
                }

                break;
            default:
                await connection.CloseAsync("gate: " + decision.Reason).ConfigureAwait(false);
                break;
        }
    }
}
