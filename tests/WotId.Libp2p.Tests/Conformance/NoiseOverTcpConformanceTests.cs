// The stream conformance suite over NoiseSecuredStream pairs on real TCP (libp2p/specs noise/README.md).
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Noise;
using WotId.Libp2p.Tests.Transports;

namespace WotId.Libp2p.Tests.Conformance;

public sealed class NoiseOverTcpConformanceTests : ConnectedStreamConformance
{
    protected override async Task<(Stream A, Stream B)> CreatePairAsync(CancellationToken cancellationToken)
    {
        (NoiseSecuredStream i, NoiseSecuredStream r) = await ConnectedPairs.NoiseOverTcpAsync(cancellationToken);
        return (i, r);
    }

    protected override ValueTask CompleteWritesAsync(Stream stream) => ((NoiseSecuredStream)stream).CompleteWritesAsync();

    protected override void Abort(Stream stream) => ((NoiseSecuredStream)stream).Abort();
}
