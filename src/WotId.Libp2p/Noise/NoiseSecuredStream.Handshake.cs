// libp2p/specs noise/README.md ("Handshake Pattern", "The libp2p Handshake Payload", "Wire Format") and
// connections/inlined-muxer-negotiation.md: XX over 2-byte big-endian length-prefixed frames, empty prologue,
// identity_sig = sign("noise-libp2p-static-key:" ‖ static key), early muxer choice from the payload extensions.
using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Noise;

/// <content>The handshake.</content>
internal sealed partial class NoiseSecuredStream
{
    /// <summary>The multistream-select protocol id of libp2p Noise.</summary>
    public const string ProtocolId = "/noise";

    private static readonly byte[] s_signaturePrefix = Encoding.ASCII.GetBytes("noise-libp2p-static-key:");

    /// <summary>
    /// Runs the Noise XX handshake over <paramref name="transport"/> and returns the secured stream, which then owns
    /// the transport. On failure the transport is left open for the caller to dispose.
    /// </summary>
    /// <param name="transport">The raw connection (after multistream-select chose <c>/noise</c>).</param>
    /// <param name="local">Our identity; signs the Noise static key.</param>
    /// <param name="isInitiator">True on the dialing side.</param>
    /// <param name="expectedRemote">The peer id that was dialed, or null to accept any (inbound).</param>
    /// <param name="localMuxers">Muxers offered in the payload extensions, by preference; empty to send none.</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    /// <exception cref="NoiseHandshakeException">The handshake or a payload check failed.</exception>
    public static Task<NoiseSecuredStream> HandshakeAsync(
        Stream transport, PeerIdentity local, bool isInitiator, PeerId? expectedRemote, IReadOnlyList<string> localMuxers, CancellationToken cancellationToken) =>
        HandshakeAsync(transport, local, null, isInitiator, expectedRemote, localMuxers, optimisticSelect: false, cancellationToken);

    /// <summary>
    /// As <see cref="HandshakeAsync(Stream, PeerIdentity, bool, PeerId?, IReadOnlyList{string}, CancellationToken)"/>;
    /// with <paramref name="optimisticSelect"/> (initiator only) multistream-select's <c>/noise</c> proposal is not
    /// negotiated beforehand but sent together with message 1, and the listener's answer is read just before
    /// message 2: one round trip less (go-libp2p and js-libp2p dial the same way).
    /// </summary>
    /// <remarks>
    /// <paramref name="staticKey"/> is the host's reusable static key (signed once); when null a fresh one is made
    /// for this handshake, by the initiator only after message 1 is on its way, so it overlaps the responder's work.
    /// </remarks>
    /// <exception cref="Multistream.MultistreamException">With <paramref name="optimisticSelect"/>: the listener refused <c>/noise</c>.</exception>
    public static async Task<NoiseSecuredStream> HandshakeAsync(
        Stream transport, PeerIdentity local, NoiseStaticKey? staticKey, bool isInitiator, PeerId? expectedRemote, IReadOnlyList<string> localMuxers,
        bool optimisticSelect, CancellationToken cancellationToken)
    {
        if (optimisticSelect && !isInitiator)
        {
            throw new ArgumentException("only the dialer negotiates optimistically", nameof(optimisticSelect));
        }

        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(localMuxers);
        using var state = new NoiseHandshakeState(isInitiator, staticKey?.Key, default);
        byte[] frame = ArrayPool<byte>.Shared.Rent(2 + NoiseHandshakeState.MaxMessageLength);
        byte[] payloadBuffer = ArrayPool<byte>.Shared.Rent(NoiseHandshakeState.MaxMessageLength);
        try
        {
            // The initiator's exchange ends with its own write (message 3), so the wrapper has read the answer by then
            // and the secured stream uses the raw transport directly.
            Stream io = optimisticSelect ? new Multistream.OptimisticSelectStream(transport, ProtocolId) : transport;
            return await RunAsync(io, transport, state, local, staticKey, isInitiator, expectedRemote, localMuxers, frame, payloadBuffer, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
            ArrayPool<byte>.Shared.Return(payloadBuffer);
        }
    }

    private static async Task<NoiseSecuredStream> RunAsync(
        Stream transport, Stream owned, NoiseHandshakeState state, PeerIdentity local, NoiseStaticKey? shared, bool isInitiator, PeerId? expectedRemote,
        IReadOnlyList<string> localMuxers, byte[] frame, byte[] payloadBuffer, CancellationToken cancellationToken)
    {
        NoiseHandshakePayload remote;
        if (isInitiator)
        {
            // Message 1 (-> e) needs no static key: send it first, then sign while the responder works.
            await WriteHandshakeAsync(transport, state, default, frame, cancellationToken).ConfigureAwait(false);
            using NoiseStaticKey? fresh = shared is null ? NoiseStaticKey.Create(local) : null;
            NoiseStaticKey mine = shared ?? fresh!;
            state.SetStaticKey(mine.Key);
            byte[] ourPayload = BuildPayload(local, mine, localMuxers);
            int n = await ReadHandshakeAsync(transport, state, frame, payloadBuffer, cancellationToken).ConfigureAwait(false);
            remote = NoiseHandshakePayload.Decode(payloadBuffer.AsSpan(0, n));
            (PeerPublicKey key, PeerId id) = VerifyRemote(remote, state.RemoteStaticKey, expectedRemote);
            await WriteHandshakeAsync(transport, state, ourPayload, frame, cancellationToken).ConfigureAwait(false);
            return Create(owned, state, local, key, id, ChooseMuxer(localMuxers, remote.StreamMuxers));
        }
        else
        {
            using NoiseStaticKey? fresh = shared is null ? NoiseStaticKey.Create(local) : null;
            NoiseStaticKey mine = shared ?? fresh!;
            state.SetStaticKey(mine.Key);
            byte[] ourPayload = BuildPayload(local, mine, localMuxers);
            await ReadHandshakeAsync(transport, state, frame, payloadBuffer, cancellationToken).ConfigureAwait(false);
            await WriteHandshakeAsync(transport, state, ourPayload, frame, cancellationToken).ConfigureAwait(false);
            int n = await ReadHandshakeAsync(transport, state, frame, payloadBuffer, cancellationToken).ConfigureAwait(false);
            remote = NoiseHandshakePayload.Decode(payloadBuffer.AsSpan(0, n));
            (PeerPublicKey key, PeerId id) = VerifyRemote(remote, state.RemoteStaticKey, expectedRemote);
            return Create(owned, state, local, key, id, ChooseMuxer(remote.StreamMuxers, localMuxers));
        }
    }

    /// <summary>The bytes the identity key signs: the prefix followed by the Noise static public key.</summary>
    internal static byte[] SignedStaticKey(ReadOnlySpan<byte> staticPublicKey)
    {
        var data = new byte[s_signaturePrefix.Length + staticPublicKey.Length];
        s_signaturePrefix.CopyTo(data, 0);
        staticPublicKey.CopyTo(data.AsSpan(s_signaturePrefix.Length));
        return data;
    }

    /// <summary>Checks the remote payload against the remote static key and the expected peer id.</summary>
    internal static (PeerPublicKey Key, PeerId Id) VerifyRemote(NoiseHandshakePayload payload, ReadOnlySpan<byte> remoteStatic, PeerId? expected)
    {
        if (payload.IdentityKey is null || payload.IdentitySig is null)
        {
            throw new NoiseHandshakeException(NoiseError.InvalidPayload, "handshake payload lacks the identity key or signature");
        }

        PeerPublicKey key;
        try
        {
            key = PeerPublicKey.Decode(payload.IdentityKey);
        }
        catch (PeerIdFormatException e)
        {
            throw new NoiseHandshakeException(NoiseError.InvalidIdentityKey, "remote identity key is invalid: " + e.Error);
        }

        if (!key.Verify(SignedStaticKey(remoteStatic), payload.IdentitySig))
        {
            throw new NoiseHandshakeException(NoiseError.InvalidSignature, "remote identity signature over the Noise static key does not verify");
        }

        PeerId id = PeerId.FromPublicKey(key);
        if (expected is not null && id != expected)
        {
            throw new NoiseHandshakeException(NoiseError.PeerIdMismatch, "remote is " + id + ", expected " + expected);
        }

        return (key, id);
    }

    /// <summary>The first of the initiator's muxers the responder also lists; null when either list is empty or they do not overlap.</summary>
    internal static string? ChooseMuxer(IReadOnlyList<string> initiatorMuxers, IReadOnlyList<string> responderMuxers)
    {
        foreach (string m in initiatorMuxers)
        {
            foreach (string r in responderMuxers)
            {
                if (string.Equals(m, r, StringComparison.Ordinal))
                {
                    return m;
                }
            }
        }

        return null;
    }

    private static byte[] BuildPayload(PeerIdentity local, NoiseStaticKey staticKey, IReadOnlyList<string> muxers)
    {
        var payload = new NoiseHandshakePayload
        {
            IdentityKey = local.PublicKey.Encode(),
            IdentitySig = staticKey.IdentitySignature,
        };
        payload.StreamMuxers.AddRange(muxers);
        return payload.Encode();
    }

    private static NoiseSecuredStream Create(Stream transport, NoiseHandshakeState state, PeerIdentity local, PeerPublicKey key, PeerId id, string? muxer)
    {
        // The final h of XX (Noise rev. 34 §11.2 "Channel binding"): equal on both sides, unique per handshake.
        byte[] handshakeHash = state.HandshakeHash.ToArray();
        return new(transport, state.Split(), local.PeerId, id, key, muxer, handshakeHash);
    }

    private static async Task WriteHandshakeAsync(Stream transport, NoiseHandshakeState state, ReadOnlyMemory<byte> payload, byte[] frame, CancellationToken cancellationToken)
    {
        int n = state.WriteMessage(payload.Span, frame.AsSpan(2));
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)n);
        await transport.WriteAsync(frame.AsMemory(0, n + 2), cancellationToken).ConfigureAwait(false);
        await transport.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ReadHandshakeAsync(Stream transport, NoiseHandshakeState state, byte[] frame, byte[] payload, CancellationToken cancellationToken)
    {
        try
        {
            await transport.ReadExactlyAsync(frame.AsMemory(0, 2), cancellationToken).ConfigureAwait(false);
            int length = BinaryPrimitives.ReadUInt16BigEndian(frame);
            await transport.ReadExactlyAsync(frame.AsMemory(2, length), cancellationToken).ConfigureAwait(false);
            return state.ReadMessage(frame.AsSpan(2, length), payload);
        }
        catch (EndOfStreamException)
        {
            throw new NoiseHandshakeException(NoiseError.EndOfStream, "connection closed during the Noise handshake");
        }
    }
}
