// The Noise Protocol Framework, revision 34, §5.3 (HandshakeState) for exactly Noise_XX_25519_ChaChaPoly_SHA256, the
// only pattern libp2p uses (libp2p/specs noise/README.md):  -> e;  <- e, ee, s, es;  -> s, se.
// Sans-I/O: callers move the bytes; after the third message Split() yields the transport state.
using System;
using WotId.Crypto;

namespace WotId.Libp2p.Noise;

/// <summary>The XX handshake state machine.</summary>
internal sealed class NoiseHandshakeState : IDisposable
{
    public const string ProtocolName = "Noise_XX_25519_ChaChaPoly_SHA256";

    /// <summary>Largest Noise message (spec §3).</summary>
    public const int MaxMessageLength = 65535;

    public const int DhLength = 32;

    private const int Failed = -1;
    private const int Done = 3;

    private readonly bool _initiator;
    private X25519PrivateKey? _s;
    private readonly SymmetricState _symmetric = new(ProtocolName);
    private X25519PrivateKey? _e;
    private byte[]? _re;
    private byte[]? _rs;
    private int _step;

    /// <param name="initiator">True for the side that sends the first message.</param>
    /// <param name="staticKey">Our static key (owned by the caller); null to give it later with <see cref="SetStaticKey"/>.</param>
    /// <param name="prologue">Prologue (empty for libp2p).</param>
    /// <param name="ephemeral">A fixed ephemeral key (test vectors only); null generates one. Taken over and disposed.</param>
    public NoiseHandshakeState(bool initiator, X25519PrivateKey? staticKey, ReadOnlySpan<byte> prologue, X25519PrivateKey? ephemeral = null)
    {
        _initiator = initiator;
        _s = staticKey;
        _e = ephemeral;
        _symmetric.MixHash(prologue);
    }

    public bool IsInitiator => _initiator;

    /// <summary>Gives the static key (owned by the caller) before the message that sends it is written.</summary>
    public void SetStaticKey(X25519PrivateKey staticKey)
    {
        ArgumentNullException.ThrowIfNull(staticKey);
        if (_s is not null && !ReferenceEquals(_s, staticKey))
        {
            throw new InvalidOperationException("the static key is already set");
        }

        _s = staticKey;
    }

    public bool IsComplete => _step == Done;

    /// <summary>True when the next step is ours to write.</summary>
    public bool IsWriteTurn => _step is >= 0 and < Done && (_step % 2 == 0) == _initiator;

    /// <summary>The remote static key once received (after message 2 for the initiator, 3 for the responder).</summary>
    public ReadOnlySpan<byte> RemoteStaticKey => _rs;

    public ReadOnlySpan<byte> HandshakeHash => _symmetric.HandshakeHash;

    /// <summary>Largest payload that fits in the next message we write.</summary>
    public int MaxPayloadLength => MaxMessageLength - Overhead(_step);

    private X25519PrivateKey StaticKey => _s ?? throw new InvalidOperationException("no static key was given");

    /// <summary>Writes the next handshake message carrying <paramref name="payload"/>; returns its length.</summary>
    public int WriteMessage(ReadOnlySpan<byte> payload, Span<byte> message)
    {
        if (!IsWriteTurn)
        {
            throw new InvalidOperationException("not our turn to write a handshake message");
        }

        if (payload.Length > MaxPayloadLength || message.Length < Overhead(_step) + payload.Length)
        {
            throw new NoiseHandshakeException(NoiseError.MessageTooLarge, "handshake payload does not fit in a Noise message");
        }

        try
        {
            int p = 0;
            switch (_step)
            {
                case 0: // -> e
                    p += WriteEphemeral(message);
                    break;
                case 1: // <- e, ee, s, es
                    p += WriteEphemeral(message);
                    MixDh(_e!, _re!);
                    p += _symmetric.EncryptAndHash(StaticKey.PublicKeySpan, message[p..]);
                    MixDh(StaticKey, _re!);
                    break;
                default: // -> s, se
                    p += _symmetric.EncryptAndHash(StaticKey.PublicKeySpan, message[p..]);
                    MixDh(StaticKey, _re!);
                    break;
            }

            p += _symmetric.EncryptAndHash(payload, message[p..]);
            _step++;
            return p;
        }
        catch
        {
            _step = Failed;
            throw;
        }
    }

    /// <summary>Reads the remote's next handshake message; returns the payload length written to <paramref name="payload"/>.</summary>
    /// <exception cref="NoiseHandshakeException">Wrong length, failed authentication or an invalid public key.</exception>
    public int ReadMessage(ReadOnlySpan<byte> message, Span<byte> payload)
    {
        if (IsWriteTurn || _step is Failed or Done)
        {
            throw new InvalidOperationException("not our turn to read a handshake message");
        }

        if (message.Length < Overhead(_step) || message.Length > MaxMessageLength)
        {
            int number = _step + 1;
            _step = Failed;
            throw new NoiseHandshakeException(NoiseError.InvalidMessageLength, "handshake message " + number + " has an invalid length");
        }

        try
        {
            int p = 0;
            switch (_step)
            {
                case 0: // -> e
                    p += ReadEphemeral(message);
                    break;
                case 1: // <- e, ee, s, es
                    p += ReadEphemeral(message);
                    MixDh(_e!, _re!);
                    p += ReadStatic(message[p..]);
                    MixDh(_e!, _rs!);
                    break;
                default: // -> s, se
                    p += ReadStatic(message);
                    MixDh(_e!, _rs!);
                    break;
            }

            int n = _symmetric.DecryptAndHash(message[p..], payload);
            _step++;
            return n;
        }
        catch
        {
            _step = Failed;
            throw;
        }
    }

    /// <summary>After the third message: the transport cipher states (initiator sends with the first).</summary>
    public NoiseTransportState Split()
    {
        if (!IsComplete)
        {
            throw new InvalidOperationException("handshake not complete");
        }

        (CipherState first, CipherState second) = _symmetric.Split();
        return _initiator ? new NoiseTransportState(first, second) : new NoiseTransportState(second, first);
    }

    public void Dispose()
    {
        _e?.Dispose();
        _symmetric.Dispose();
    }

    /// <summary>Fixed bytes of message <paramref name="step"/> besides the payload (tag included when keyed).</summary>
    private static int Overhead(int step) => step switch
    {
        0 => DhLength,
        1 => DhLength + DhLength + 16 + 16,
        2 => DhLength + 16 + 16,
        _ => 0,
    };

    private int WriteEphemeral(Span<byte> message)
    {
        _e ??= X25519PrivateKey.Generate();
        _e.PublicKeySpan.CopyTo(message);
        _symmetric.MixHash(_e.PublicKeySpan);
        return DhLength;
    }

    private int ReadEphemeral(ReadOnlySpan<byte> message)
    {
        _re = message[..DhLength].ToArray();
        _symmetric.MixHash(_re);
        return DhLength;
    }

    private int ReadStatic(ReadOnlySpan<byte> message)
    {
        var rs = new byte[DhLength];
        _symmetric.DecryptAndHash(message[..(DhLength + 16)], rs);
        _rs = rs;
        return DhLength + 16;
    }

    private void MixDh(X25519PrivateKey local, byte[] remotePublic)
    {
        Span<byte> shared = stackalloc byte[DhLength];
        try
        {
            if (!local.TryAgree(remotePublic, shared))
            {
                throw new NoiseHandshakeException(NoiseError.InvalidPublicKey, "remote X25519 key gives an all-zero shared secret");
            }

            _symmetric.MixKey(shared);
        }
        finally
        {
            CipherState.Zero(shared);
        }
    }
}
