// The SPQR session (SparsePostQuantumRatchet src/lib.rs `initial_state`/`send`/`recv`, receive-side version
// handling of the newer crate embedded in libsignal 0.103): version 1 with
// min_version 1, the symmetric chain of §8.4 and the ML-KEM braid of §8.5.

using System;
using System.Security.Cryptography;
using WotId.Signal.Spqr.Braid;
using WotId.Signal.Spqr.Chain;

namespace WotId.Signal.Spqr;

/// <summary>
/// One side of SPQR ("Triple Ratchet" post-quantum part) for a Signal session: produces the field-5 message and
/// the 32-byte key salt of every outgoing message, and the salt for every incoming one.
/// A failed <see cref="Receive"/> leaves the session unchanged.
/// </summary>
public sealed class SpqrSession
{
    private const byte FormatVersion = 1;
    private const byte CurrentVersion = 1;

    private readonly SpqrChain _chain;
    private BraidState _braid;
    private bool _negotiating;

    private SpqrSession(SpqrChain chain, BraidState braid, bool negotiating)
    {
        _chain = chain;
        _braid = braid;
        _negotiating = negotiating;
    }

    /// <summary>The current SCKA epoch of the braid (starts at 1; the number carried in outgoing messages).</summary>
    public int Epoch => _braid.Epoch > int.MaxValue ? int.MaxValue : (int)_braid.Epoch;

    /// <summary>The newest epoch of the symmetric chain (starts at 0; grows by one per completed braid epoch).</summary>
    public long ChainEpoch => _chain.CurrentEpoch > long.MaxValue ? long.MaxValue : (long)_chain.CurrentEpoch;

    /// <summary>The direction this state was created with.</summary>
    public SpqrDirection Direction => _chain.Direction;

    /// <summary>The receive-side forward-jump limit this state was created with (<see cref="SpqrParameters.MaxJump"/>).</summary>
    internal uint MaxJump => _chain.MaxJump;

    /// <summary>True until the first message from the peer has been accepted.</summary>
    public bool IsNegotiating => _negotiating;

    /// <summary>Starts SPQR V1 (minimum version V1, as libsignal 0.103 does) for one side of a new session.</summary>
    /// <param name="direction">A2B for the PQXDH initiator, B2A for the responder.</param>
    /// <param name="authKey">The SPQR auth key: PQXDH output bytes 64..96.</param>
    /// <param name="parameters">Receive-side chain limits.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit of <paramref name="parameters"/> is above 2^20.</exception>
    public static SpqrSession Create(SpqrDirection direction, ReadOnlySpan<byte> authKey, SpqrParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (direction is not (SpqrDirection.A2B or SpqrDirection.B2A))
        {
            throw new ArgumentOutOfRangeException(nameof(direction));
        }

        if (authKey.IsEmpty)
        {
            throw new ArgumentException("the SPQR auth key must not be empty", nameof(authKey));
        }

        if (parameters.EffectiveMaxJump > SpqrParameters.LargestLimit || parameters.EffectiveMaxOooKeys > SpqrParameters.LargestLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "SPQR chain limits above 2^20 are not supported");
        }

        var chain = new SpqrChain(authKey, direction, parameters.EffectiveMaxJump, parameters.EffectiveMaxOooKeys);
        return new SpqrSession(chain, BraidState.Initial(direction, authKey), negotiating: true);
    }

    /// <summary>Produces the SPQR message and key for the next outgoing message.</summary>
    public SpqrSendResult Send(RandomNumberGenerator rng)
    {
        ArgumentNullException.ThrowIfNull(rng);

        // Everything that can fail is checked before the braid or the chain changes.
        bool addsEpoch = _braid.SendCompletesEpoch;
        if (addsEpoch && _braid.Epoch != _chain.CurrentEpoch + 1)
        {
            throw new SpqrException(SpqrError.EpochOutOfRange, "braid and chain epochs disagree");
        }

        ulong keyEpoch = _braid.Epoch - 1;
        _chain.CheckSendKey(keyEpoch, addsEpoch);
        BraidSendOutput output = _braid.Send(rng);
        if (output.Secret is not null)
        {
            _chain.AddEpoch(output.Secret.Epoch, output.Secret.Secret);
            Array.Clear(output.Secret.Secret);
        }

        (uint index, byte[] key) = _chain.SendKey(keyEpoch);
        byte[] message = new SpqrMessage(output.Epoch, index, output.Type, output.Chunk).Serialize();
        return new SpqrSendResult(message, key);
    }

    /// <summary>Processes the SPQR message (field 5) of an incoming message and returns its key salt.</summary>
    /// <returns>The 32-byte key, or null when the message carries none.</returns>
    /// <exception cref="SpqrException">The message is malformed, out of range, a duplicate, or fails a braid check.</exception>
    public byte[]? Receive(ReadOnlySpan<byte> message)
    {
        SpqrPreamble preamble = SpqrMessage.ParsePreamble(message);
        if (preamble.Version < CurrentVersion)
        {
            throw new SpqrException(SpqrError.MinimumVersion);
        }

        if (preamble.Version != CurrentVersion && !_negotiating)
        {
            throw new SpqrException(SpqrError.VersionMismatch);
        }

        if (preamble.Version > CurrentVersion)
        {
            // A newer peer: its payload is unreadable, but its first keys come from chain epoch 0.
            _chain.CheckReceiveKey(0, preamble.Index, addsEpoch: false);
            return _chain.ReceiveKey(0, preamble.Index);
        }

        SpqrMessage parsed = SpqrMessage.ParseBody(preamble, message);
        BraidState braid = _braid.WouldChange(parsed) ? _braid.Clone() : _braid;
        EpochSecret? secret = braid.Receive(parsed);
        ulong keyEpoch = parsed.Epoch - 1;
        if (secret is not null && secret.Epoch != _chain.CurrentEpoch + 1)
        {
            throw new SpqrException(SpqrError.EpochOutOfRange, "epoch secret out of sequence");
        }

        _chain.CheckReceiveKey(keyEpoch, parsed.Index, addsEpoch: secret is not null);
        if (secret is not null)
        {
            _chain.AddEpoch(secret.Epoch, secret.Secret);
            Array.Clear(secret.Secret);
        }

        byte[] key = _chain.ReceiveKey(keyEpoch, parsed.Index);
        _braid = braid;
        _negotiating = false;
        return key;
    }

    /// <summary>An independent deep copy of this session.</summary>
    public SpqrSession Clone()
    {
        return new SpqrSession(_chain.Clone(), _braid.Clone(), _negotiating);
    }

    /// <summary>Serializes the whole state (chain, braid, negotiation flag) for a session record.</summary>
    public byte[] Serialize()
    {
        var writer = new SpqrStateWriter();
        writer.WriteByte(FormatVersion);
        writer.WriteBool(_negotiating);
        SpqrChainSerializer.Write(_chain, writer);
        _braid.Write(writer);
        return writer.ToArray();
    }

    /// <summary>Restores a state written by <see cref="Serialize"/>.</summary>
    /// <exception cref="SpqrException">Malformed: the bytes are not a valid state.</exception>
    public static SpqrSession Deserialize(ReadOnlySpan<byte> state)
    {
        var reader = new SpqrStateReader(state);
        if (reader.ReadByte() != FormatVersion)
        {
            throw SpqrStateReader.Malformed("unknown format");
        }

        bool negotiating = reader.ReadBool();
        SpqrChain chain = SpqrChainSerializer.Read(ref reader);
        BraidState braid = BraidState.Read(ref reader);
        reader.EnsureEnd();
        return new SpqrSession(chain, braid, negotiating);
    }
}
