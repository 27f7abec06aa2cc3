// Encrypt and decrypt on one session: Double Ratchet (libsignal rust/protocol/src/double_ratchet.rs) combined with
// SPQR into the "Triple Ratchet" (triple_ratchet.rs, double_ratchet.rs). Decrypt computes every change on the
// side and commits it only after the MAC and the padding check pass, so a failed decrypt changes nothing.
using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using WotId.Crypto;
using WotId.Signal.Keys;
using WotId.Signal.Protocol;
using WotId.Signal.Spqr;
using WotId.Signal.State;

namespace WotId.Signal.Ratchet;

/// <summary>Per-message operations on a <see cref="SessionState"/>.</summary>
internal static class TripleRatchet
{
    private static readonly RandomNumberGenerator s_rng = RandomNumberGenerator.Create();

    /// <summary>Encrypts one message and advances the sending chain and SPQR.</summary>
    internal static SignalMessage Encrypt(SessionState state, ReadOnlySpan<byte> plaintext)
    {
        if (!state.HasSenderChain)
        {
            throw new SignalProtocolException(SignalError.InvalidSessionStructure, "session has no sending chain");
        }

        SpqrSendResult spqr = state.Spqr.Send(s_rng);
        Span<byte> seed = stackalloc byte[32];
        Span<byte> keys = stackalloc byte[80];
        Span<byte> next = stackalloc byte[32];
        try
        {
            RatchetKdf.Seed(state.SenderChainKey!.Span, seed);
            RatchetKdf.MessageKeys(seed, spqr.Key ?? [], keys);
            byte[] body = Aes256Cbc.Encrypt(keys[..32], keys[64..80], plaintext);
            SignalMessage message = SignalMessage.Create(
                keys[32..64], state.SenderRatchetKey!, state.SenderChainIndex, state.PreviousCounter, body, spqr.Message,
                state.LocalIdentity, state.RemoteIdentity);
            RatchetKdf.Next(state.SenderChainKey.Span, next);
            state.SenderChainKey = RatchetSecret.Create(RatchetSecret.ChainKeyName, next);
            state.SenderChainIndex++;
            return message;
        }
        finally
        {
            seed.Clear();
            keys.Clear();
            next.Clear();
            if (spqr.Key is not null)
            {
                Array.Clear(spqr.Key);
            }
        }
    }

    /// <summary>
    /// Decrypts <paramref name="message"/> with <paramref name="state"/>; on success commits the ratchet and SPQR changes
    /// and clears the pending prekey data. Throws <see cref="SignalProtocolException"/> and leaves the state untouched on failure.
    /// </summary>
    internal static byte[] Decrypt(SessionState state, SignalMessage message)
    {
        if (message.MessageVersion != state.Version)
        {
            throw Failed("message version does not match the session");
        }

        ReceiverChain? chain = state.FindReceiverChain(message.SenderRatchetKey);
        DhStep? step = null;
        byte[] seed = new byte[32];
        byte[] keys = new byte[80];
        byte[]? spqrKey = null;
        List<SkippedKey>? newSkipped = null;
        RatchetSecret? newChainKey = null;
        bool committed = false;
        try
        {
            RatchetSecret chainKey;
            uint chainIndex;
            if (chain is null)
            {
                step = DhStep.Compute(state, message.SenderRatchetKey);
                chainKey = step.ReceiverChainKey;
                chainIndex = 0;
            }
            else
            {
                chainKey = chain.ChainKey;
                chainIndex = chain.Index;
            }

            uint counter = message.Counter;
            int skippedPosition = -1;
            if (counter < chainIndex)
            {
                skippedPosition = chain?.FindSkipped(counter) ?? -1;
                if (skippedPosition < 0)
                {
                    throw new SignalProtocolException(SignalError.DuplicatedMessage, $"duplicate message: counter {counter}, chain index {chainIndex}");
                }

                chain!.Skipped[skippedPosition].Seed.CopyTo(seed, 0);
            }
            else
            {
                uint maxJump = state.LocalIdentity.Equals(state.RemoteIdentity) ? SessionLimits.MaxSelfSessionForwardJumps : SessionLimits.MaxForwardJumps;
                if (counter - chainIndex > maxJump)
                {
                    throw new SignalProtocolException(SignalError.MessageTooFarInFuture, "message from too far into the future");
                }

                newSkipped = Advance(chainKey.Span, chainIndex, counter, seed, out newChainKey);
            }

            SpqrSession spqr = state.Spqr.Clone();
            try
            {
                spqrKey = spqr.Receive(message.PqRatchet);
            }
            catch (SpqrException e)
            {
                throw Failed("post-quantum ratchet error (" + e.Error + ")", e);
            }

            RatchetKdf.MessageKeys(seed, spqrKey ?? [], keys);
            if (!message.VerifyMac(keys.AsSpan(32, 32), state.RemoteIdentity, state.LocalIdentity))
            {
                throw Failed("MAC verification failed");
            }

            if (!Aes256Cbc.TryDecrypt(keys.AsSpan(0, 32), keys.AsSpan(64, 16), message.Ciphertext, out byte[]? plaintext) || plaintext is null)
            {
                throw Failed("failed to decrypt");
            }

            // Commit: from here on the state owns the step's and the advanced chain's secrets.
            committed = true;
            if (step is not null)
            {
                chain = step.Apply(state);
            }

            if (skippedPosition >= 0)
            {
                Array.Clear(chain!.Skipped[skippedPosition].Seed);
                chain.Skipped.RemoveAt(skippedPosition);
            }
            else
            {
                chain!.AddSkipped(newSkipped!);
                chain.ChainKey = newChainKey!;
                chain.Index = counter + 1;
            }

            state.Spqr = spqr;
            state.Pending = null;
            return plaintext;
        }
        finally
        {
            if (!committed)
            {
                step?.Dispose();
                newChainKey?.Dispose();
                if (newSkipped is not null)
                {
                    foreach (SkippedKey k in newSkipped)
                    {
                        Array.Clear(k.Seed);
                    }
                }
            }

            Array.Clear(keys);
            Array.Clear(seed);
            if (spqrKey is not null)
            {
                Array.Clear(spqrKey);
            }
        }
    }

    /// <summary>Walks the chain from <paramref name="index"/> to <paramref name="counter"/>, keeping the last 2,000 skipped seeds.</summary>
    private static List<SkippedKey> Advance(ReadOnlySpan<byte> chainKey, uint index, uint counter, byte[] seed, out RatchetSecret nextChainKey)
    {
        var skipped = new List<SkippedKey>((int)Math.Min(counter - index, (uint)SessionLimits.MaxMessageKeys));
        Span<byte> ck = stackalloc byte[32];
        Span<byte> tmp = stackalloc byte[32];
        chainKey.CopyTo(ck);
        uint keepFrom = counter - index > SessionLimits.MaxMessageKeys ? counter - SessionLimits.MaxMessageKeys : index;
        for (uint i = index; i < counter; i++)
        {
            if (i >= keepFrom)
            {
                byte[] s = new byte[32];
                RatchetKdf.Seed(ck, s);
                skipped.Add(new SkippedKey(i, s));
            }

            RatchetKdf.Next(ck, tmp);
            tmp.CopyTo(ck);
        }

        RatchetKdf.Seed(ck, seed);
        RatchetKdf.Next(ck, tmp);
        nextChainKey = RatchetSecret.Create(RatchetSecret.ChainKeyName, tmp);
        ck.Clear();
        tmp.Clear();
        return skipped;
    }

    private static SignalProtocolException Failed(string why, Exception? inner = null) =>
        inner is null
            ? new SignalProtocolException(SignalError.DecryptionFailed, "decryption failed: " + why)
            : new SignalProtocolException(SignalError.DecryptionFailed, "decryption failed: " + why, inner);

    /// <summary>A DH ratchet step computed but not yet applied; it owns its secrets until <see cref="Apply"/>.</summary>
    private sealed class DhStep : IDisposable
    {
        private DhStep(
            EcPublicKey theirKey, RatchetSecret receiverChainKey, RatchetSecret newRoot, EcPublicKey newPublic, RatchetSecret newPrivate, RatchetSecret senderChainKey)
        {
            TheirKey = theirKey;
            ReceiverChainKey = receiverChainKey;
            NewRoot = newRoot;
            NewPublic = newPublic;
            NewPrivate = newPrivate;
            SenderChainKey = senderChainKey;
        }

        internal EcPublicKey TheirKey { get; }

        internal RatchetSecret ReceiverChainKey { get; }

        private RatchetSecret NewRoot { get; }

        private EcPublicKey NewPublic { get; }

        private RatchetSecret NewPrivate { get; }

        private RatchetSecret SenderChainKey { get; }

        internal static DhStep Compute(SessionState state, EcPublicKey theirKey)
        {
            if (!state.HasSenderChain)
            {
                throw new SignalProtocolException(SignalError.InvalidSessionStructure, "session has no sending chain");
            }

            Span<byte> dh = stackalloc byte[32];
            Span<byte> root1 = stackalloc byte[32];
            Span<byte> receiverChainKey = stackalloc byte[32];
            Span<byte> root2 = stackalloc byte[32];
            Span<byte> senderChainKey = stackalloc byte[32];
            Span<byte> priv = stackalloc byte[32];
            try
            {
                if (!X25519.TryAgree(state.SenderRatchetPrivate!.Span, theirKey.PublicKeyBytes, dh))
                {
                    throw Failed("invalid ratchet key");
                }

                RatchetKdf.DeriveRoot(state.RootKey.Span, dh, root1, receiverChainKey);
                byte[] pub = new byte[32];
                using (X25519PrivateKey fresh = X25519PrivateKey.Generate())
                {
                    fresh.ExportPrivateKey(priv);
                    fresh.PublicKeySpan.CopyTo(pub);
                }

                if (!X25519.TryAgree(priv, theirKey.PublicKeyBytes, dh))
                {
                    throw Failed("invalid ratchet key");
                }

                RatchetKdf.DeriveRoot(root1, dh, root2, senderChainKey);
                return new DhStep(
                    theirKey,
                    RatchetSecret.Create(RatchetSecret.ChainKeyName, receiverChainKey),
                    RatchetSecret.Create(RatchetSecret.RootKeyName, root2),
                    EcPublicKey.FromPublicKeyBytes(pub),
                    RatchetSecret.Create(RatchetSecret.RatchetPrivateKeyName, priv),
                    RatchetSecret.Create(RatchetSecret.ChainKeyName, senderChainKey));
            }
            finally
            {
                dh.Clear();
                root1.Clear();
                receiverChainKey.Clear();
                root2.Clear();
                senderChainKey.Clear();
                priv.Clear();
            }
        }

        /// <summary>Hands every secret to <paramref name="state"/>, which disposes the ones they replace.</summary>
        internal ReceiverChain Apply(SessionState state)
        {
            state.PreviousCounter = state.SenderChainIndex == 0 ? 0 : state.SenderChainIndex - 1;
            state.RootKey = NewRoot;
            var chain = new ReceiverChain(TheirKey, ReceiverChainKey, 0);
            state.AddReceiverChain(chain);
            state.SetSenderChain(NewPublic, NewPrivate, SenderChainKey, 0);
            return chain;
        }

        public void Dispose()
        {
            ReceiverChainKey.Dispose();
            NewRoot.Dispose();
            NewPrivate.Dispose();
            SenderChainKey.Dispose();
        }
    }
}
