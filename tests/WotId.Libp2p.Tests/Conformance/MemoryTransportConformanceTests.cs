// The stream conformance suite over the in-memory test transport (tests/WotId.Testing/Libp2p), so that fast
// in-process tests run over a transport with the same half-close, abort and back-pressure behaviour as TCP.
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Tests.FakeTime;
using WotId.Libp2p.Transports;

namespace WotId.Libp2p.Tests.Conformance;

public sealed class MemoryTransportConformanceTests : ConnectedStreamConformance
{
    protected override async Task<(Stream A, Stream B)> CreatePairAsync(CancellationToken cancellationToken) =>
        await FakeClock.MemoryPairAsync(cancellationToken);

    protected override ValueTask CompleteWritesAsync(Stream stream)
    {
        ((TransportConnection)stream).CompleteWrites();
        return ValueTask.CompletedTask;
    }

    protected override void Abort(Stream stream) => ((TransportConnection)stream).Abort();
}
