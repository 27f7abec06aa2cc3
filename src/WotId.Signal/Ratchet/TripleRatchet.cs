// Encrypt and decrypt on one session: Double Ratchet (libsignal rust/protocol/src/double_ratchet.rs) combined with
// SPQR into the "Triple Ratchet" (triple_ratchet.rs; notes/signal.md §6–§8). Decrypt computes every change on the
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
        RatchetKdf.Seed(state.SenderChainKey, seed);
        RatchetKdf.MessageKeys(seed, spqr.Key ?? [], keys);
        byte[] body = Aes256Cbc.Encrypt(keys[..32], keys[64..80], plaintext);
        SignalMessage message = SignalMessage.Create(
            keys[32..64], state.SenderRatchetKey!, state.SenderChainIndex, state.PreviousCounter, body, spqr.Message,
            state.LocalIdentity, state.RemoteIdentity);
        byte[] next = new byte[32];
        RatchetKdf.Next(state.SenderChainKey, next);
        Array.Clear(state.SenderChainKey!);
        state.SenderChainKey = next;
        state.SenderChainIndex++;
        seed.Clear();
        keys.Clear();
        if (spqr.Key is not null)
        {
            Array.Clear(spqr.Key);
        }

        return message;
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
        byte[] chainKey;
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
        byte[] seed = new byte[32];
        int skippedPosition = -1;
        List<SkippedKey>? newSkipped = null;
        byte[]? newChainKey = null;
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
            bool selfSession = state.LocalIdentity.Equals(state.RemoteIdentity);
            if (!selfSession && counter - chainIndex > SessionLimits.MaxForwardJumps)
            {
                step?.Clear();
                throw new SignalProtocolException(SignalError.MessageTooFarInFuture, "message from too far into the future");
            }

            newSkipped = Advance(chainKey, chainIndex, counter, seed, out newChainKey);
        }

        SpqrSession spqr = state.Spqr.Clone();
        byte[]? spqrKey;
        try
        {
            spqrKey = spqr.Receive(message.PqRatchet);
        }
        catch (SpqrException e)
        {
            step?.Clear();
            throw Failed("post-quantum ratchet error (" + e.Error + ")", e);
        }

        byte[] keys = new byte[80];
        try
        {
            RatchetKdf.MessageKeys(seed, spqrKey ?? [], keys);
            if (!message.VerifyMac(keys.AsSpan(32, 32), state.RemoteIdentity, state.LocalIdentity))
            {
                step?.Clear();
                throw Failed("MAC verification failed");
            }

            if (!Aes256Cbc.TryDecrypt(keys.AsSpan(0, 32), keys.AsSpan(64, 16), message.Ciphertext, out byte[]? plaintext) || plaintext is null)
            {
                step?.Clear();
                throw Failed("failed to decrypt");
            }

            // Commit.
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
                Array.Clear(chain.ChainKey);
                chain.ChainKey = newChainKey!;
                chain.Index = counter + 1;
            }

            state.Spqr = spqr;
            state.Pending = null;
            return plaintext;
        }
        finally
        {
            Array.Clear(keys);
            Array.Clear(seed);
            if (spqrKey is not null)
            {
                Array.Clear(spqrKey);
            }
        }
    }

    /// <summary>Walks the chain from <paramref name="index"/> to <paramref name="counter"/>, keeping the last 2,000 skipped seeds.</summary>
    private static List<SkippedKey> Advance(byte[] chainKey, uint index, uint counter, byte[] seed, out byte[] nextChainKey)
    {
        var skipped = new List<SkippedKey>((int)Math.Min(counter - index, (uint)SessionLimits.MaxMessageKeys));
        byte[] ck = (byte[])chainKey.Clone();
        byte[] tmp = new byte[32];
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
            tmp.CopyTo(ck, 0);
        }

        RatchetKdf.Seed(ck, seed);
        nextChainKey = new byte[32];
        RatchetKdf.Next(ck, nextChainKey);
        Array.Clear(ck);
        Array.Clear(tmp);
        return skipped;
    }

    private static SignalProtocolException Failed(string why, Exception? inner = null) =>
        inner is null
            ? new SignalProtocolException(SignalError.DecryptionFailed, "decryption failed: " + why)
            : new SignalProtocolException(SignalError.DecryptionFailed, "decryption failed: " + why, inner);

    /// <summary>A DH ratchet step computed but not yet applied.</summary>
    private sealed class DhStep
    {
        private DhStep(EcPublicKey theirKey, byte[] receiverChainKey, byte[] newRoot, EcPublicKey newPublic, byte[] newPrivate, byte[] senderChainKey)
        {
            TheirKey = theirKey;
            ReceiverChainKey = receiverChainKey;
            NewRoot = newRoot;
            NewPublic = newPublic;
            NewPrivate = newPrivate;
            SenderChainKey = senderChainKey;
        }

        internal EcPublicKey TheirKey { get; }

        internal byte[] ReceiverChainKey { get; }

        private byte[] NewRoot { get; }

        private EcPublicKey NewPublic { get; }

        private byte[] NewPrivate { get; }

        private byte[] SenderChainKey { get; }

        internal static DhStep Compute(SessionState state, EcPublicKey theirKey)
        {
            if (!state.HasSenderChain)
            {
                throw new SignalProtocolException(SignalError.InvalidSessionStructure, "session has no sending chain");
            }

            Span<byte> dh = stackalloc byte[32];
            if (!X25519.TryAgree(state.SenderRatchetPrivate, theirKey.PublicKeyBytes, dh))
            {
                throw Failed("invalid ratchet key");
            }

            byte[] root1 = new byte[32], receiverChainKey = new byte[32];
            RatchetKdf.DeriveRoot(state.RootKey, dh, root1, receiverChainKey);
            byte[] priv = new byte[32];
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

            byte[] root2 = new byte[32], senderChainKey = new byte[32];
            RatchetKdf.DeriveRoot(root1, dh, root2, senderChainKey);
            Array.Clear(root1);
            dh.Clear();
            return new DhStep(theirKey, receiverChainKey, root2, EcPublicKey.FromPublicKeyBytes(pub), priv, senderChainKey);
        }

        internal ReceiverChain Apply(SessionState state)
        {
            state.PreviousCounter = state.SenderChainIndex == 0 ? 0 : state.SenderChainIndex - 1;
            Array.Clear(state.RootKey);
            state.RootKey = NewRoot;
            var chain = new ReceiverChain(TheirKey, ReceiverChainKey, 0);
            state.AddReceiverChain(chain);
            Array.Clear(state.SenderChainKey!);
            state.SetSenderChain(NewPublic, NewPrivate, SenderChainKey, 0);
            return chain;
        }

        internal void Clear()
        {
            Array.Clear(ReceiverChainKey);
            Array.Clear(NewRoot);
            Array.Clear(NewPrivate);
            Array.Clear(SenderChainKey);
        }
    }
}
