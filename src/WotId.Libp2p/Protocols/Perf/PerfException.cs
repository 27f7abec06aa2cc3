// libp2p/specs perf/perf.md: a server that sends the wrong amount fails the run.
using System;
using System.IO;

namespace WotId.Libp2p.Protocols.Perf;

/// <summary>A perf run failed (wrong byte count or a bad request).</summary>
public sealed class PerfException : IOException
{
    /// <summary>Creates the exception.</summary>
    public PerfException()
        : base("perf failed")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PerfException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public PerfException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
