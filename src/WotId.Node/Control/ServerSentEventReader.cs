// Reads a text/event-stream (WHATWG HTML §9.2.6 "Interpreting an event stream") with explicit bounds: a line or an
// event's data longer than the limit is a NodeException (Failed), never an unbounded buffer. Lines end in LF, CR LF
// or CR; a line starting with ':' is a comment (heartbeats); "event" sets the type, "data" lines are joined with LF;
// "id" and "retry" are ignored (the control API does not resume streams); a blank line dispatches an event with data.
using System;
using System.Buffers;
using System.IO;
using System.IO.Pipelines;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>One dispatched event.</summary>
/// <param name="Type">The event type (<c>message</c> when the stream named none).</param>
/// <param name="Data">The data lines joined with LF.</param>
internal readonly record struct ServerSentEvent(string Type, string Data);

/// <summary>Pulls events from an SSE byte stream.</summary>
internal sealed class ServerSentEventReader(Stream stream, int maxEventBytes) : IAsyncDisposable
{
    private readonly PipeReader _pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
    private readonly StringBuilder _data = new();
    private string? _type;
    private bool _skipLineFeed;

    /// <summary>The next event; null at the end of the stream (an unfinished event at the end is dropped, as the spec says).</summary>
    public async ValueTask<ServerSentEvent?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await _pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            ServerSentEvent? dispatched = null;
            while (dispatched is null && TryTakeLine(ref buffer, out ReadOnlySequence<byte> line))
            {
                dispatched = Process(line);
            }

            if (dispatched is null && buffer.Length > maxEventBytes)
            {
                _pipe.AdvanceTo(buffer.Start, buffer.End);
                throw new NodeException(NodeError.Failed, $"the event stream sent a line longer than {maxEventBytes} bytes");
            }

            _pipe.AdvanceTo(buffer.Start, dispatched is null ? buffer.End : buffer.Start);
            if (dispatched is not null)
            {
                return dispatched;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                return null;
            }
        }
    }

    public ValueTask DisposeAsync() => _pipe.CompleteAsync();

    private bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        if (_skipLineFeed && buffer.Length > 0)
        {
            _skipLineFeed = false;
            if (buffer.FirstSpan[0] == (byte)'\n')
            {
                buffer = buffer.Slice(1);
            }
        }

        SequenceReader<byte> reader = new(buffer);
        if (!reader.TryAdvanceToAny("\n\r"u8, advancePastDelimiter: false))
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, reader.Position);
        reader.TryRead(out byte terminator);
        buffer = buffer.Slice(reader.Position);
        _skipLineFeed = terminator == (byte)'\r';
        return true;
    }

    private ServerSentEvent? Process(ReadOnlySequence<byte> lineBytes)
    {
        if (lineBytes.IsEmpty)
        {
            string type = _type ?? "message";
            _type = null;
            if (_data.Length == 0)
            {
                return null;
            }

            string data = _data.ToString(0, _data.Length - 1);
            _data.Clear();
            return new ServerSentEvent(type, data);
        }

        string line = Encoding.UTF8.GetString(lineBytes);
        if (line[0] == ':')
        {
            return null;
        }

        int colon = line.IndexOf(':', StringComparison.Ordinal);
        string field = colon < 0 ? line : line[..colon];
        string value = colon < 0 ? string.Empty : line[(colon + 1)..];
        if (value.Length > 0 && value[0] == ' ')
        {
            value = value[1..];
        }

        if (field == "event")
        {
            _type = value;
        }
        else if (field == "data")
        {
            if (_data.Length + value.Length + 1 > maxEventBytes)
            {
                throw new NodeException(NodeError.Failed, $"the event stream sent an event larger than {maxEventBytes} bytes");
            }

            _data.Append(value).Append('\n');
        }

        return null;
    }
}
