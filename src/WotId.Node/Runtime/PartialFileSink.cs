// Where the receiver's write stage puts the chunks it verified (docs/files.md "Throughput"): a FileStream is written
// at explicit offsets (pwrite) from the position the caller left it at, unbuffered (O_DIRECT, DirectIo) while every
// write is block-aligned, buffered from the first one that is not (the final chunk) or when the file system refuses
// O_DIRECT; any other stream (tests) is written at its position. Flush makes everything written so far durable
// (fsync). Finish puts the FileStream's position after the last byte written and the descriptor back to buffered.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;
using WotId.Node.Files;

namespace WotId.Node.Runtime;

/// <summary>Writes and flushes the receiver's partial file.</summary>
internal sealed class PartialFileSink
{
    private readonly Stream _stream;
    private readonly SafeFileHandle? _handle;
    private long _offset;
    private bool _direct;

    internal PartialFileSink(Stream partial, bool tryDirect)
    {
        ArgumentNullException.ThrowIfNull(partial);
        _stream = partial;
        if (partial is FileStream file)
        {
            _offset = file.Position;
            _handle = file.SafeFileHandle;
            _direct = tryDirect && _offset % DirectIo.Alignment == 0 && DirectIo.TrySet(_handle, on: true);
        }
    }

    /// <summary>Whether writes currently bypass the page cache.</summary>
    internal bool IsDirect => _direct;

    /// <summary>Writes <paramref name="data"/> after what was written before (its address must be aligned when <see cref="IsDirect"/>).</summary>
    internal async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            if (_handle is null)
            {
                await _stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (_direct && data.Length % DirectIo.Alignment != 0)
            {
                if (!DirectIo.TrySet(_handle, on: false)) // the final chunk: buffered from here on
                {
                    throw new IOException("could not switch the partial file back to buffered writes");
                }

                _direct = false;
            }

            await RandomAccess.WriteAsync(_handle, data, _offset, cancellationToken).ConfigureAwait(false);
            _offset += data.Length;
        }
        catch (IOException e) when (e is not FileTransferException)
        {
            throw new FileTransferException(FileTransferException.WriteError(e), "the partial file could not be written", e);
        }
    }

    /// <summary>fsync: everything written so far survives a crash once this returns.</summary>
    internal void Flush()
    {
        try
        {
            if (_handle is not null)
            {
                RandomAccess.FlushToDisk(_handle);
            }
            else
            {
                _stream.Flush();
            }
        }
        catch (IOException e)
        {
            throw new FileTransferException(FileTransferException.WriteError(e), "the partial file could not be flushed", e);
        }
    }

    /// <summary>Back to buffered, the stream positioned after the last byte written (call when no write runs).</summary>
    internal void Finish()
    {
        if (_handle is null)
        {
            return;
        }

        if (_direct)
        {
            _direct = false;
            DirectIo.TrySet(_handle, on: false);
        }

        if (!_handle.IsClosed)
        {
            _stream.Position = _offset;
        }
    }
}
