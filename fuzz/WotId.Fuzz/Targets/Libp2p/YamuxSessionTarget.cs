// Fuzz target: a whole Yamux session reading the input as the peer's byte stream (libp2p/specs yamux/README.md).
// The session must end with a YamuxException (never an unhandled exception, never a hang).
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Yamux;

namespace WotId.Fuzz.Targets.Libp2p;

/// <summary>Feeds the input to a server-side <see cref="YamuxSession"/>; its termination must be a typed error.</summary>
public sealed class YamuxSessionTarget : IFuzzTarget
{
    private static readonly YamuxOptions s_options = new() { KeepAliveInterval = TimeSpan.Zero, MaxInboundStreams = 32, AcceptBacklog = 8, MaxRefusedStreams = 16 };

    /// <inheritdoc />
    public string Name => "libp2p-yamux-session";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        var session = new YamuxSession(new ReplayStream(input.ToArray()), isClient: false, s_options);
        session.Start();
        if (!session.Completion.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException("yamux session did not end after its input ended");
        }

        if (session.TerminationError is not YamuxException)
        {
            throw new InvalidOperationException("yamux session ended without a typed error");
        }

        session.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Reads the fuzz input then end of stream; swallows writes.</summary>
    private sealed class ReplayStream : Stream
    {
        private readonly MemoryStream _input;

        public ReplayStream(byte[] input) => _input = new MemoryStream(input, writable: false);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _input.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(_input.Read(buffer.Span));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
        }
    }
}
