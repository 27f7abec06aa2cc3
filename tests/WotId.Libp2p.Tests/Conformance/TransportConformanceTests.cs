// The stream conformance suite over raw transport connections: TCP and WebSocket (/ws) on real loopback sockets.
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Tests.Transports;
using WotId.Libp2p.Transports;

namespace WotId.Libp2p.Tests.Conformance;

public sealed class TcpConformanceTests : ConnectedStreamConformance
{
    protected override async Task<(Stream A, Stream B)> CreatePairAsync(CancellationToken cancellationToken) =>
        await ConnectedPairs.TcpAsync(cancellationToken);

    protected override ValueTask CompleteWritesAsync(Stream stream)
    {
        ((TransportConnection)stream).CompleteWrites();
        return ValueTask.CompletedTask;
    }

    protected override void Abort(Stream stream) => ((TransportConnection)stream).Abort();
}

public sealed class WebSocketConformanceTests : ConnectedStreamConformance
{
    // System.Net.WebSockets aborts the socket when a pending receive is cancelled.
    protected override bool UsableAfterCanceledReads => false;

    protected override async Task<(Stream A, Stream B)> CreatePairAsync(CancellationToken cancellationToken) =>
        await ConnectedPairs.WebSocketAsync(cancellationToken);

    protected override ValueTask CompleteWritesAsync(Stream stream)
    {
        ((TransportConnection)stream).CompleteWrites();
        return ValueTask.CompletedTask;
    }

    protected override void Abort(Stream stream) => ((TransportConnection)stream).Abort();
}
