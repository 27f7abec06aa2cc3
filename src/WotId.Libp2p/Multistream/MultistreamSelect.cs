// libp2p/specs connections/README.md, "Protocol Negotiation": multistream-select 1.0 (/multistream/1.0.0),
// dialer and listener roles, `na` for refusals and `ls` answered like js-libp2p (a message of inner messages).
using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Multistream;

/// <summary>multistream-select 1.0 negotiation over any <see cref="Stream"/>. Never reads past its last message.</summary>
internal static class MultistreamSelect
{
    /// <summary>The protocol header.</summary>
    public const string ProtocolId = "/multistream/1.0.0";

    /// <summary>The refusal message.</summary>
    public const string NotAvailable = "na";

    /// <summary>The listing request.</summary>
    public const string List = "ls";

    /// <summary>Largest message accepted (length prefix value, newline included), as in js and go.</summary>
    public const int MaxMessageLength = 1024;

    /// <summary>How many refused proposals (and <c>ls</c> requests) a listener tolerates before giving up.</summary>
    public const int MaxListenerAttempts = 32;

    /// <summary>
    /// Dialer: proposes <paramref name="protocols"/> in order (the first together with the header in one write) and
    /// returns the first one the listener accepts.
    /// </summary>
    /// <exception cref="MultistreamException">No protocol accepted, or a protocol violation.</exception>
    public static async ValueTask<string> SelectAsync(Stream stream, IReadOnlyList<string> protocols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(protocols);
        if (protocols.Count == 0)
        {
            throw new ArgumentException("no protocols to propose", nameof(protocols));
        }

        foreach (string p in protocols)
        {
            MultistreamCodec.CheckProtocolId(p);
        }

        var writer = new ArrayBufferWriter<byte>(64);
        MultistreamCodec.Write(writer, ProtocolId);
        MultistreamCodec.Write(writer, protocols[0]);
        await WriteAsync(stream, writer, cancellationToken).ConfigureAwait(false);

        var reader = new MessageReader();
        string header = await reader.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        if (header != ProtocolId)
        {
            throw new MultistreamException(MultistreamError.BadHeader, "remote does not speak " + ProtocolId);
        }

        for (int i = 0; i < protocols.Count; i++)
        {
            if (i > 0)
            {
                writer.ResetWrittenCount();
                MultistreamCodec.Write(writer, protocols[i]);
                await WriteAsync(stream, writer, cancellationToken).ConfigureAwait(false);
            }

            string response = await reader.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (response == protocols[i])
            {
                return response;
            }

            if (response != NotAvailable)
            {
                throw new MultistreamException(MultistreamError.UnexpectedResponse, "listener answered neither the proposal nor na");
            }
        }

        throw new MultistreamException(MultistreamError.NoProtocolInCommon, "listener supports none of the proposed protocols");
    }

    /// <summary>
    /// Optimistic dialer, write half: appends the header and <paramref name="protocol"/> to <paramref name="writer"/>,
    /// to be sent without waiting for the listener (go-multistream lazyClient.go, js-libp2p multistream-select
    /// select.ts "optimisticSelect"). The caller may write its first data right behind it; the answer is checked by
    /// <see cref="ReadOptimisticResponseAsync"/> before the first read.
    /// </summary>
    public static void WriteOptimisticProposal(IBufferWriter<byte> writer, string protocol)
    {
        ArgumentNullException.ThrowIfNull(writer);
        MultistreamCodec.CheckProtocolId(protocol);
        MultistreamCodec.Write(writer, ProtocolId);
        MultistreamCodec.Write(writer, protocol);
    }

    /// <summary>
    /// Optimistic dialer, read half: reads the listener's header and its answer to the single proposal. Reads nothing
    /// past the answer, so the protocol's own bytes stay in the stream.
    /// </summary>
    /// <exception cref="MultistreamException">
    /// <see cref="MultistreamError.NoProtocolInCommon"/> when the listener answered <c>na</c> (it then reads our
    /// optimistic data as its next proposal and gives up on the stream), or a protocol violation.
    /// </exception>
    public static async ValueTask ReadOptimisticResponseAsync(Stream stream, string protocol, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new MessageReader();
        string header = await reader.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        if (header != ProtocolId)
        {
            throw new MultistreamException(MultistreamError.BadHeader, "remote does not speak " + ProtocolId);
        }

        string response = await reader.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        if (response == NotAvailable)
        {
            throw new MultistreamException(MultistreamError.NoProtocolInCommon, "listener does not support " + protocol);
        }

        if (response != protocol)
        {
            throw new MultistreamException(MultistreamError.UnexpectedResponse, "listener answered neither the proposal nor na");
        }
    }

    /// <summary>
    /// Listener: sends the header, reads proposals, answers <c>na</c> to unsupported ones and <c>ls</c> with the
    /// supported list, and returns the first supported proposal after echoing it.
    /// </summary>
    /// <exception cref="MultistreamException">Protocol violation, end of stream or too many refused proposals.</exception>
    public static ValueTask<string> HandleAsync(Stream stream, IReadOnlyCollection<string> supported, CancellationToken cancellationToken) =>
        HandleAsync(stream, supported, null, cancellationToken);

    /// <summary>As <see cref="HandleAsync(Stream, IReadOnlyCollection{string}, CancellationToken)"/>; <paramref name="refused"/> sees each proposal answered with <c>na</c>.</summary>
    public static async ValueTask<string> HandleAsync(Stream stream, IReadOnlyCollection<string> supported, Action<string>? refused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(supported);
        // Like js-libp2p, answer the header only once the dialer's header arrived: js over /ws drops bytes that reach
        // it before its reader is attached, so an eager header (go's habit) can be lost there.
        var reader = new MessageReader();
        string header = await reader.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        if (header != ProtocolId)
        {
            throw new MultistreamException(MultistreamError.BadHeader, "remote does not speak " + ProtocolId);
        }

        var writer = new ArrayBufferWriter<byte>(64);
        MultistreamCodec.Write(writer, ProtocolId);
        bool headerPending = true;
        for (int attempt = 0; attempt <= MaxListenerAttempts; attempt++)
        {
            // When the proposal is already here (dialers send it with their header), our header goes out together with
            // the answer in one write; otherwise the header is sent first, so a dialer that waits for it never stalls.
            ValueTask<string> next = reader.ReadAsync(stream, cancellationToken);
            if (headerPending && !next.IsCompleted)
            {
                try
                {
                    await WriteAsync(stream, writer, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
                {
                    // The stream is broken: let the pending read end too (it fails or times out) before reporting.
                    await ObserveAsync(next).ConfigureAwait(false);
                    throw;
                }

                writer.ResetWrittenCount();
            }

            headerPending = false;
            string proposal = await next.ConfigureAwait(false);
            if (proposal != NotAvailable && proposal != List && Contains(supported, proposal))
            {
                MultistreamCodec.Write(writer, proposal);
                await WriteAsync(stream, writer, cancellationToken).ConfigureAwait(false);
                return proposal;
            }

            if (proposal == List)
            {
                WriteList(writer, supported);
            }
            else
            {
                refused?.Invoke(proposal);
                MultistreamCodec.Write(writer, NotAvailable);
            }

            await WriteAsync(stream, writer, cancellationToken).ConfigureAwait(false);
            writer.ResetWrittenCount();
        }

        throw new MultistreamException(MultistreamError.TooManyAttempts, "dialer proposed too many unsupported protocols");
    }

    private static async ValueTask ObserveAsync(ValueTask<string> read)
    {
        try
        {
            await read.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Already failing for the write's reason.
        }
    }

    private static void WriteList(ArrayBufferWriter<byte> writer, IReadOnlyCollection<string> supported)
    {
        var inner = new ArrayBufferWriter<byte>(128);
        foreach (string p in supported)
        {
            MultistreamCodec.Write(inner, p);
        }

        // js-libp2p's form: one message whose text is the inner messages followed by the terminating newline.
        int n = inner.WrittenCount + 1;
        Span<byte> span = writer.GetSpan(Core.Encoding.Varint.MaxLength + n);
        int pos = Core.Encoding.Varint.Write((ulong)n, span);
        inner.WrittenSpan.CopyTo(span[pos..]);
        pos += inner.WrittenCount;
        span[pos++] = (byte)'\n';
        writer.Advance(pos);
    }

    private static bool Contains(IReadOnlyCollection<string> supported, string proposal)
    {
        foreach (string s in supported)
        {
            if (string.Equals(s, proposal, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static async ValueTask WriteAsync(Stream stream, ArrayBufferWriter<byte> writer, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(writer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one message at a time without reading ahead.</summary>
    private sealed class MessageReader
    {
        private readonly byte[] _buffer = new byte[MaxMessageLength];

        public async ValueTask<string> ReadAsync(Stream stream, CancellationToken cancellationToken)
        {
            int have = 0;
            int length;
            while (true)
            {
                int n = await stream.ReadAsync(_buffer.AsMemory(have, 1), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new MultistreamException(MultistreamError.EndOfStream, "stream ended during multistream-select");
                }

                have++;
                if (MultistreamCodec.TryReadLength(_buffer.AsSpan(0, have), out length, out _) == OperationStatus.Done)
                {
                    break;
                }
            }

            int read = 0;
            while (read < length)
            {
                int n = await stream.ReadAsync(_buffer.AsMemory(read, length - read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new MultistreamException(MultistreamError.EndOfStream, "stream ended inside a multistream message");
                }

                read += n;
            }

            return MultistreamCodec.DecodeBody(_buffer.AsSpan(0, length));
        }
    }
}
