// libp2p/specs noise/README.md, "Wire Format": framing and encryption of the data path. Reads keep partial-frame
// progress in fields, so a cancelled read leaves the stream usable; a cancelled write poisons writing (a nonce
// may have been spent without the frame being sent).
using System;
using System.Buffers;
using System.Buffers.Binary;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Noise;

/// <content>Reading and writing.</content>
internal sealed partial class NoiseSecuredStream
{
    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_readFaulted)
        {
            throw new NoiseException(NoiseError.DecryptionFailed, "the Noise stream failed earlier");
        }

        while (true)
        {
            if (_plainEnd > _plainStart)
            {
                int n = Math.Min(buffer.Length, _plainEnd - _plainStart);
                _plain.AsSpan(_plainStart, n).CopyTo(buffer.Span);
                _plainStart += n;
                if (_plainStart == _plainEnd)
                {
                    ArrayPool<byte>.Shared.Return(_plain!, clearArray: true);
                    _plain = null;
                    _plainStart = _plainEnd = 0;
                }

                return n;
            }

            if (_eof)
            {
                return 0;
            }

            if (!await FillFrameAsync(cancellationToken).ConfigureAwait(false))
            {
                _eof = true;
                return 0;
            }

            int plainLength = _cipherLength - 16;
            try
            {
                if (buffer.Length >= plainLength && plainLength > 0)
                {
                    int written = _state.Decrypt(_cipher.AsSpan(0, _cipherLength), buffer.Span);
                    ReleaseCipher();
                    return written;
                }

                _plain = ArrayPool<byte>.Shared.Rent(Math.Max(plainLength, 1));
                _plainStart = 0;
                _plainEnd = _state.Decrypt(_cipher.AsSpan(0, _cipherLength), _plain);
                ReleaseCipher();
                if (_plainEnd == 0)
                {
                    ArrayPool<byte>.Shared.Return(_plain);
                    _plain = null;
                }
                else if (buffer.IsEmpty)
                {
                    return 0;
                }
            }
            catch (NoiseException)
            {
                _readFaulted = true;
                ReleaseCipher();
                throw;
            }
        }
    }

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        WriteMessagesAsync(ReadOnlyMemory<byte>.Empty, buffer, cancellationToken);

    /// <summary>
    /// Seals <paramref name="head"/> (at most one message's plaintext) as a message of its own, then
    /// <paramref name="body"/> in messages of at most 65519 bytes, each out of place from the caller's memory into the
    /// outgoing frames (one pass over the bytes, no copy first), and writes them in order, several per transport write.
    /// </summary>
    private async ValueTask WriteMessagesAsync(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_writesCompleted != 0)
        {
            throw new IOException("writes were completed (half-closed)");
        }

        int max = NoiseTransportState.MaxPlaintextLength;
        if (head.Length > max)
        {
            throw new ArgumentException("the head must fit one Noise message", nameof(head));
        }

        if (head.IsEmpty && body.IsEmpty)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        byte[]? frames = null;
        try
        {
            if (_writeFaulted)
            {
                throw new IOException("an earlier write was interrupted; the Noise stream cannot be written any more");
            }

            if (_writesCompleted != 0)
            {
                throw new IOException("writes were completed (half-closed)");
            }

            int batch = Math.Min((body.Length + max - 1) / max, FramesPerWrite);
            frames = ArrayPool<byte>.Shared.Rent(head.Length + Math.Min(body.Length, batch * max) + ((batch + 1) * FrameOverhead));
            _writeFaulted = true;
            int filled = head.IsEmpty ? 0 : Seal(head.Span, frames, 0);
            int sealedInBatch = 0;
            while (!body.IsEmpty)
            {
                int chunk = Math.Min(body.Length, max);
                filled = Seal(body.Span[..chunk], frames, filled);
                body = body[chunk..];
                if (++sealedInBatch == batch && !body.IsEmpty)
                {
                    await _transport.WriteAsync(frames.AsMemory(0, filled), cancellationToken).ConfigureAwait(false);
                    filled = 0;
                    sealedInBatch = 0;
                }
            }

            await _transport.WriteAsync(frames.AsMemory(0, filled), cancellationToken).ConfigureAwait(false);
            _writeFaulted = false;
        }
        finally
        {
            if (frames is not null)
            {
                ArrayPool<byte>.Shared.Return(frames);
            }

            _writeLock.Release();
        }
    }

    /// <summary>Seals one message into <paramref name="frames"/> at <paramref name="at"/>; returns the end of the frame.</summary>
    private int Seal(ReadOnlySpan<byte> plaintext, byte[] frames, int at)
    {
        int n = _state.Encrypt(plaintext, frames.AsSpan(at + 2));
        BinaryPrimitives.WriteUInt16BigEndian(frames.AsSpan(at), (ushort)n);
        return at + 2 + n;
    }

    /// <summary>Reads one whole frame into <see cref="_cipher"/>; false on a clean end of stream at a frame boundary.</summary>
    private async ValueTask<bool> FillFrameAsync(CancellationToken cancellationToken)
    {
        while (_headerHave < 2)
        {
            int n = await _transport.ReadAsync(_header.AsMemory(_headerHave), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                if (_headerHave == 0)
                {
                    return false;
                }

                throw Truncated();
            }

            _headerHave += n;
        }

        if (_cipher is null)
        {
            _cipherLength = ReadLength(_header);
            if (_cipherLength < 16)
            {
                _readFaulted = true;
                throw new NoiseException(NoiseError.InvalidMessageLength, "Noise transport message shorter than its tag");
            }

            _cipher = ArrayPool<byte>.Shared.Rent(_cipherLength);
            _cipherHave = 0;
        }

        // The read may also take the next message's length prefix (into the pooled array's spare room), which saves a
        // transport read per message while messages arrive back to back; it never waits for those bytes.
        int readAhead = Math.Min(_header.Length, _cipher.Length - _cipherLength);
        while (_cipherHave < _cipherLength)
        {
            int n = await _transport.ReadAsync(_cipher.AsMemory(_cipherHave, _cipherLength + readAhead - _cipherHave), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw Truncated();
            }

            _cipherHave += n;
        }

        _nextHeaderHave = _cipherHave - _cipherLength;
        _cipher.AsSpan(_cipherLength, _nextHeaderHave).CopyTo(_header);
        return true;
    }

    private void ReleaseCipher()
    {
        if (_cipher is not null)
        {
            ArrayPool<byte>.Shared.Return(_cipher);
            _cipher = null;
        }

        _headerHave = _nextHeaderHave;
        _nextHeaderHave = 0;
        _cipherHave = 0;
    }

    private NoiseException Truncated()
    {
        _readFaulted = true;
        return new NoiseException(NoiseError.EndOfStream, "connection ended inside a Noise frame");
    }
}
