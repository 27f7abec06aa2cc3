// libp2p/specs perf/perf.md: what a perf run measures (upload and download throughput).
using System;

namespace WotId.Libp2p.Protocols.Perf;

/// <summary>Outcome of one perf run.</summary>
/// <param name="UploadBytes">Bytes sent to the server.</param>
/// <param name="DownloadBytes">Bytes received from the server.</param>
/// <param name="UploadTime">Time to hand the upload to the stream and half-close.</param>
/// <param name="DownloadTime">Time from the half-close to the server's end of stream.</param>
public sealed record PerfResult(long UploadBytes, long DownloadBytes, TimeSpan UploadTime, TimeSpan DownloadTime)
{
    /// <summary>Upload throughput in MiB/s (0 when nothing was sent).</summary>
    public double UploadMiBPerSecond => Rate(UploadBytes, UploadTime);

    /// <summary>Download throughput in MiB/s (0 when nothing was received).</summary>
    public double DownloadMiBPerSecond => Rate(DownloadBytes, DownloadTime);

    private static double Rate(long bytes, TimeSpan time) =>
        bytes == 0 || time <= TimeSpan.Zero ? 0 : bytes / 1048576.0 / time.TotalSeconds;
}
