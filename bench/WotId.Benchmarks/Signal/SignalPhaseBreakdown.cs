// Part of console mode `signal-floor [n]`: where the time of a session setup and of an alternating message goes,
// phase by phase. Each phase is one internal step of SessionBuilder / SessionCipher / TripleRatchet timed alone
// (median of n runs, each on a fresh copy of the state it changes, the copy made outside the timed region), with the
// bytes it allocates (GC.GetAllocatedBytesForCurrentThread, mean). Results: docs/benchmarks-signal.md, "Where the
// setup and the alternating message go (profile)".
using System;
using System.Diagnostics;
using System.Security.Cryptography;
using WotId.Crypto;
using WotId.Signal;
using WotId.Signal.Keys;
using WotId.Signal.Pqxdh;
using WotId.Signal.Protocol;
using WotId.Signal.Ratchet;
using WotId.Signal.Spqr;
using WotId.Signal.State;
using WotId.Signal.Stores;

namespace WotId.Benchmarks.Signal;

/// <summary>Per-phase timing of session setup and of one alternating message.</summary>
internal static class SignalPhaseBreakdown
{
    private static readonly ProtocolAddress s_alice = new("alice", 1);
    private static readonly ProtocolAddress s_bob = new("bob", 1);

    internal static void Run(int n)
    {
        using var bobIdentity = IdentityKeyPair.Generate();
        using var bob = new InMemorySignalProtocolStore(IdentityKeyPair.Deserialize(bobIdentity.Serialize()), 2);
        var bobStore = new BenchStore(bob);
        IdentityKeyPair bid = bob.GetIdentityKeyPairAsync().AsTask().GetAwaiter().GetResult();
        using var spk = SignedPreKeyRecord.Generate(bid, 1, 0);
        using var kyber = KyberPreKeyRecord.Generate(bid, 2, 0, isLastResort: true);
        using var opk = PreKeyRecord.Generate(3);
        bob.StoreSignedPreKeyAsync(1, spk).AsTask().GetAwaiter().GetResult();
        bob.StoreKyberPreKeyAsync(2, kyber).AsTask().GetAwaiter().GetResult();
        bob.StorePreKeyAsync(3, opk).AsTask().GetAwaiter().GetResult();
        var bundle = new PreKeyBundle(2, 1, 3, opk.KeyPair.PublicKey, 1, spk.KeyPair.PublicKey, spk.Signature, bid.PublicKey, 2, kyber.KeyPair.PublicKey, kyber.Signature);
        using var aid = IdentityKeyPair.Generate();
        byte[] plaintext = new byte[1024];
        RandomNumberGenerator rng = RandomNumberGenerator.Create();

        var table = new PhaseTable("session setup by phase (each timed alone; median µs, mean KB allocated):");
        table.Row("benchmark: Alice's identity key + store", Time(n, () => 0, _ => new InMemorySignalProtocolStore(IdentityKeyPair.Generate(), 1).Dispose()));
        table.Row("Alice: 2 XEdDSA verify (bundle signatures)", Time(n, () => 0, _ =>
        {
            bundle.IdentityKey.VerifySignature(bundle.SignedPreKey.SerializedSpan, bundle.SignedPreKeySignature);
            bundle.IdentityKey.VerifySignature(bundle.KyberPreKey.SerializedSpan, bundle.KyberPreKeySignature);
        }));
        table.Row("Alice: PQXDH (base key, 4 DH, Kyber encaps, HKDF)", Time(n, () => 0, _ =>
        {
            using EcKeyPair baseKey = EcKeyPair.Generate();
            PqxdhKeyAgreement.Initiate(aid, baseKey, bundle.IdentityKey, bundle.SignedPreKey, bundle.PreKey, bundle.KyberPreKey, out byte[] ct).Dispose();
        }));
        (double createAlice, long createAliceBytes) = Time(n, () => 0, _ => SessionInitializer.CreateAlice(aid, 1, bundle, 0).Dispose());
        (double pqxdhA, long pqxdhABytes) = Time(n, () => 0, _ =>
        {
            using EcKeyPair baseKey = EcKeyPair.Generate();
            PqxdhKeyAgreement.Initiate(aid, baseKey, bundle.IdentityKey, bundle.SignedPreKey, bundle.PreKey, bundle.KyberPreKey, out byte[] ct).Dispose();
        });
        table.Row("Alice: session init (ratchet key, DH, KDF, SPQR start)", (Math.Max(0, createAlice - pqxdhA), Math.Max(0, createAliceBytes - pqxdhABytes)));
        Console.WriteLine($"|   (CreateAlice whole: {createAlice:F1} µs; SPQR start alone: {Time(n, () => 0, _ => SpqrSession.Create(SpqrDirection.A2B, new byte[32], SpqrParameters.Default)).Us:F1} µs; ratchet key pair + DH alone: {Time(n, () => 0, _ =>
        {
            Span<byte> priv = stackalloc byte[32];
            Span<byte> dh = stackalloc byte[32];
            using (X25519PrivateKey ratchet = X25519PrivateKey.Generate())
            {
                ratchet.ExportPrivateKey(priv);
            }

            X25519.TryAgree(priv, bundle.SignedPreKey.PublicKeyBytes, dh);
        }).Us:F1} µs) |||");
        CreateAliceSteps(n, aid, bundle);
        table.Row("Alice 1st encrypt: load the record (deep copy)", Time(n, () => NewRecord(SessionInitializer.CreateAlice(aid, 1, bundle, 0)), r =>
        {
            r.Clone().Dispose();
            r.Dispose();
        }));
        table.Row("Alice 1st encrypt: SPQR send (ML-KEM-768 keygen, header MAC, chunk)", Time(n, () => SpqrSession.Create(SpqrDirection.A2B, new byte[32], SpqrParameters.Default), s => s.Send(rng)));
        (double enc, long encBytes) = Time(n, () => SessionInitializer.CreateAlice(aid, 1, bundle, 0), s =>
        {
            TripleRatchet.Encrypt(s, plaintext);
            s.Dispose();
        });
        (double spqrFirst, long spqrFirstBytes) = Time(n, () => SpqrSession.Create(SpqrDirection.A2B, new byte[32], SpqrParameters.Default), s => s.Send(rng));
        table.Row("Alice 1st encrypt: keys, AES-256-CBC, MAC, SignalMessage", (Math.Max(0, enc - spqrFirst), Math.Max(0, encBytes - spqrFirstBytes)));
        SessionState template = SessionInitializer.CreateAlice(aid, 1, bundle, 0);
        PendingPreKey pending = template.Pending!;
        SignalMessage inner = TripleRatchet.Encrypt(template.Clone(), plaintext);
        table.Row("Alice 1st encrypt: PreKeySignalMessage encoding", Time(n, () => 0, _ => PreKeySignalMessage.Create(1, pending.PreKeyId, pending.SignedPreKeyId, pending.KyberPreKeyId, pending.KyberCiphertext, pending.BaseKey, template.LocalIdentity, inner)));
        byte[] preKeyMessage = PreKeySignalMessage.Create(1, pending.PreKeyId, pending.SignedPreKeyId, pending.KyberPreKeyId, pending.KyberCiphertext, pending.BaseKey, template.LocalIdentity, inner).Serialized.ToArray();
        PreKeySignalMessage parsed = PreKeySignalMessage.Deserialize(preKeyMessage);
        table.Row("Bob: parse the PreKeySignalMessage", Time(n, () => 0, _ => PreKeySignalMessage.Deserialize(preKeyMessage)));
        table.Row("Bob: load signed, Kyber and one-time prekeys (copies)", Time(n, () => 0, _ =>
        {
            bobStore.LoadSignedPreKeyAsync(1).AsTask().GetAwaiter().GetResult()!.Dispose();
            bobStore.LoadKyberPreKeyAsync(2).AsTask().GetAwaiter().GetResult()!.Dispose();
            bobStore.LoadPreKeyAsync(3).AsTask().GetAwaiter().GetResult()!.Dispose();
        }));
        table.Row("Bob: base-key canonical check (torsion-free)", Time(n, () => 0, _ => X25519.IsCanonicalPublicKey(parsed.BaseKey.PublicKeyBytes)));
        (double accept, long acceptBytes) = Time(n, () => 0, _ =>
            PqxdhKeyAgreement.Accept(bid, spk.KeyPair, opk.KeyPair, kyber.KeyPair, parsed.IdentityKey, parsed.BaseKey, parsed.KyberCiphertext).Dispose());
        (double canonical, long canonicalBytes) = Time(n, () => 0, _ => X25519.IsCanonicalPublicKey(parsed.BaseKey.PublicKeyBytes));
        table.Row("Bob: PQXDH (4 DH, Kyber decaps, HKDF)", (Math.Max(0, accept - canonical), Math.Max(0, acceptBytes - canonicalBytes)));
        (double createBob, long createBobBytes) = Time(n, () => 0, _ => SessionInitializer.CreateBob(bid, 2, spk, opk, kyber, parsed).Dispose());
        table.Row("Bob: session init (SPQR start, secrets)", (Math.Max(0, createBob - accept), Math.Max(0, createBobBytes - acceptBytes)));
        (double spqrReceive, long spqrReceiveBytes) = Time(n, () => (SpqrSession.Create(SpqrDirection.B2A, new byte[32], SpqrParameters.Default), FirstSpqrMessage(rng)), s => s.Item1.Receive(s.Item2));
        table.Row("Bob 1st decrypt: SPQR receive (header chunk)", (spqrReceive, spqrReceiveBytes));
        (double dec, long decBytes) = Time(n, () => SessionInitializer.CreateBob(bid, 2, spk, opk, kyber, parsed), s =>
        {
            TripleRatchet.Decrypt(s, parsed.Message);
            s.Dispose();
        });
        table.Row("Bob 1st decrypt: DH ratchet step, keys, MAC, AES (rest of decrypt)", (Math.Max(0, dec - spqrReceive), Math.Max(0, decBytes - spqrReceiveBytes)));
        table.PrintSum(decimals: 0);
        Alternating(n, aid, bid, plaintext, rng);
    }

    private static void Alternating(int n, IdentityKeyPair aid, IdentityKeyPair bid, byte[] plaintext, RandomNumberGenerator rng)
    {
        // A long alternating run of two SPQR sessions alone: the average per message, braid epochs included.
        SpqrSession a = SpqrSession.Create(SpqrDirection.A2B, new byte[32], SpqrParameters.Default);
        SpqrSession b = SpqrSession.Create(SpqrDirection.B2A, new byte[32], SpqrParameters.Default);
        for (int i = 0; i < 400; i++)
        {
            b.Receive(a.Send(rng).Message);
            a.Receive(b.Send(rng).Message);
        }

        long alloc0 = GC.GetAllocatedBytesForCurrentThread();
        long t0 = Stopwatch.GetTimestamp();
        int rounds = Math.Max(n, 1000);
        for (int i = 0; i < rounds; i++)
        {
            b.Receive(a.Send(rng).Message);
            a.Receive(b.Send(rng).Message);
        }

        double spqr = Stopwatch.GetElapsedTime(t0).TotalMicroseconds / (2 * rounds);
        long spqrBytes = (GC.GetAllocatedBytesForCurrentThread() - alloc0) / (2 * rounds);

        // States after a few alternating messages, so every further message is a DH ratchet step.
        var aliceStore = new InMemorySignalProtocolStore(IdentityKeyPair.Deserialize(aid.Serialize()), 1);
        var bobStore = new InMemorySignalProtocolStore(IdentityKeyPair.Deserialize(bid.Serialize()), 2);
        using var spk = SignedPreKeyRecord.Generate(bid, 1, 0);
        using var kyber = KyberPreKeyRecord.Generate(bid, 2, 0, isLastResort: true);
        bobStore.StoreSignedPreKeyAsync(1, spk).AsTask().GetAwaiter().GetResult();
        bobStore.StoreKyberPreKeyAsync(2, kyber).AsTask().GetAwaiter().GetResult();
        var bundle = new PreKeyBundle(2, 1, null, null, 1, spk.KeyPair.PublicKey, spk.Signature, bid.PublicKey, 2, kyber.KeyPair.PublicKey, kyber.Signature);
        new SessionBuilder(aliceStore, s_bob).ProcessPreKeyBundleAsync(bundle).AsTask().GetAwaiter().GetResult();
        var ca = new SessionCipher(aliceStore, s_bob);
        var cb = new SessionCipher(bobStore, s_alice);
        for (int i = 0; i < 50; i++)
        {
            cb.DecryptAsync(ca.EncryptAsync(plaintext).AsTask().GetAwaiter().GetResult()).AsTask().GetAwaiter().GetResult();
            ca.DecryptAsync(cb.EncryptAsync(plaintext).AsTask().GetAwaiter().GetResult()).AsTask().GetAwaiter().GetResult();
        }

        SessionRecord aliceRecord = aliceStore.LoadSessionAsync(s_bob).AsTask().GetAwaiter().GetResult()!;
        SessionRecord bobRecord = bobStore.LoadSessionAsync(s_alice).AsTask().GetAwaiter().GetResult()!;
        SignalMessage message = TripleRatchet.Encrypt(aliceRecord.Current!.Clone(), plaintext);
        byte[] wire = message.Serialized.ToArray();

        var table = new PhaseTable("alternating message by phase (encrypt + decrypt of one 1 KiB message with a DH ratchet step):");
        table.Row("encrypt: load the record (1 deep copy; the store takes the record back without one)", Time(n, () => 0, _ => aliceRecord.Clone().Dispose()));
        table.Row("encrypt: SPQR send + HKDF, AES-256-CBC, HMAC, SignalMessage (TripleRatchet.Encrypt)", Time(n, () => aliceRecord.Current!.Clone(), s =>
        {
            TripleRatchet.Encrypt(s, plaintext);
            s.Dispose();
        }));
        table.Row("decrypt: parse the SignalMessage", Time(n, () => 0, _ => SignalMessage.Deserialize(wire)));
        table.Row("decrypt: load the record (1 deep copy; the store takes the record back without one)", Time(n, () => 0, _ => bobRecord.Clone().Dispose()));
        table.Row("decrypt: DH step (keygen, 2 DH, 2 HKDF), SPQR receive, keys, MAC, AES (TripleRatchet.Decrypt)", Time(n, () => bobRecord.Current!.Clone(), s =>
        {
            TripleRatchet.Decrypt(s, message);
            s.Dispose();
        }));
        table.PrintSum(decimals: 1);
        (double spqrClone, long spqrCloneBytes) = Time(n, () => 0, _ => bobRecord.Current!.Spqr.Clone());
        Console.WriteLine($"of which the SPQR state clone that keeps a failed decrypt side-effect free: {spqrClone:F1} µs, {spqrCloneBytes / 1024.0:F1} KB");
        Console.WriteLine($"of which SPQR send + receive, mean over {rounds} alternating round trips with braid epochs: {spqr:F1} µs, {spqrBytes / 1024.0:F1} KB per message");
        aliceRecord.Dispose();
        bobRecord.Dispose();
        aliceStore.Dispose();
        bobStore.Dispose();
    }

    // SessionInitializer.CreateAlice step by step (same calls, same order), each step's mean over n runs.
    private static void CreateAliceSteps(int n, IdentityKeyPair aid, PreKeyBundle bundle)
    {
        var sums = new double[6];
        Span<byte> priv = stackalloc byte[32];
        Span<byte> dh = stackalloc byte[32];
        Span<byte> root = stackalloc byte[32];
        Span<byte> chain = stackalloc byte[32];
        for (int i = -n / 10; i < n; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            using EcKeyPair baseKey = EcKeyPair.Generate();
            long t1 = Stopwatch.GetTimestamp();
            using PqxdhResult secrets = PqxdhKeyAgreement.Initiate(aid, baseKey, bundle.IdentityKey, bundle.SignedPreKey, bundle.PreKey, bundle.KyberPreKey, out byte[] ct);
            long t2 = Stopwatch.GetTimestamp();
            using (X25519PrivateKey ratchet = X25519PrivateKey.Generate())
            {
                ratchet.ExportPrivateKey(priv);
            }

            long t3 = Stopwatch.GetTimestamp();
            X25519.TryAgree(priv, bundle.SignedPreKey.PublicKeyBytes, dh);
            RatchetKdf.DeriveRoot(secrets.RootKey, dh, root, chain);
            long t4 = Stopwatch.GetTimestamp();
            SpqrSession spqr = SpqrSession.Create(SpqrDirection.A2B, secrets.PqrAuthKey, SpqrParameters.Default);
            long t5 = Stopwatch.GetTimestamp();
            using var state = new SessionState(aid.PublicKey, bundle.IdentityKey, RatchetSecret.Create(RatchetSecret.RootKeyName, root), spqr);
            state.AddReceiverChain(new ReceiverChain(bundle.SignedPreKey, RatchetSecret.Create(RatchetSecret.ChainKeyName, secrets.ChainKey), 0));
            state.SetSenderChain(bundle.PreKey!, RatchetSecret.Create(RatchetSecret.RatchetPrivateKeyName, priv), RatchetSecret.Create(RatchetSecret.ChainKeyName, chain), 0);
            long t6 = Stopwatch.GetTimestamp();
            if (i >= 0)
            {
                long[] ts = [t0, t1, t2, t3, t4, t5, t6];
                for (int k = 0; k < 6; k++)
                {
                    sums[k] += Stopwatch.GetElapsedTime(ts[k], ts[k + 1]).TotalMicroseconds;
                }
            }
        }

        Console.WriteLine($"|   (CreateAlice step means: base key {sums[0] / n:F1}, PQXDH {sums[1] / n:F1}, ratchet key {sums[2] / n:F1}, DH + root KDF {sums[3] / n:F1}, SPQR start {sums[4] / n:F1}, state {sums[5] / n:F1} µs) |||");
        int g2 = GC.CollectionCount(2), g0 = GC.CollectionCount(0);
        TimeSpan paused = GC.GetTotalPauseDuration();
        long p0 = Stopwatch.GetTimestamp();
        for (int k = 0; k < 100_000; k++)
        {
            RatchetSecret.Create(RatchetSecret.ChainKeyName, root).Dispose();
        }

        long p1 = Stopwatch.GetTimestamp();
        for (int k = 0; k < 100_000; k++)
        {
            GC.KeepAlive(root.ToArray());
        }

        long p2 = Stopwatch.GetTimestamp();
        Console.WriteLine($"|   (one 32-byte session secret, pinned: {Stopwatch.GetElapsedTime(p0, p1).TotalMicroseconds / 100_000:F2} µs; an ordinary 32-byte array: {Stopwatch.GetElapsedTime(p1, p2).TotalMicroseconds / 100_000:F2} µs; means of 100,000; collections meanwhile gen0 {GC.CollectionCount(0) - g0}, gen2 {GC.CollectionCount(2) - g2}, GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms) |||");
    }

    private static SessionRecord NewRecord(SessionState state)
    {
        var record = new SessionRecord();
        record.PromoteState(state);
        return record;
    }

    private static byte[] FirstSpqrMessage(RandomNumberGenerator rng) =>
        SpqrSession.Create(SpqrDirection.A2B, new byte[32], SpqrParameters.Default).Send(rng).Message;

    /// <summary>Median µs of <paramref name="op"/> over n runs, each on a fresh <paramref name="setup"/> value (not timed); mean bytes allocated.</summary>
    private static (double Us, long Bytes) Time<T>(int n, Func<T> setup, Action<T> op)
    {
        for (int i = 0; i < Math.Max(20, n / 10); i++)
        {
            op(setup());
        }

        var t = new double[n];
        long bytes = 0;
        for (int i = 0; i < n; i++)
        {
            T value = setup();
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            long t0 = Stopwatch.GetTimestamp();
            op(value);
            t[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
            bytes += GC.GetAllocatedBytesForCurrentThread() - a0;
        }

        Array.Sort(t);
        return (t[n / 2], bytes / n);
    }

    /// <summary>One Markdown table of timed phases (median µs, mean KB allocated) and their sum.</summary>
    private sealed class PhaseTable
    {
        private double _totalUs;
        private long _totalBytes;

        public PhaseTable(string title)
        {
            Console.WriteLine(title);
            Console.WriteLine("| phase | time | allocated |");
            Console.WriteLine("|---|---|---|");
        }

        public void Row(string phase, (double Us, long Bytes) r)
        {
            _totalUs += r.Us;
            _totalBytes += r.Bytes;
            Console.WriteLine($"| {phase} | {r.Us:F1} µs | {r.Bytes / 1024.0:F1} KB |");
        }

        public void PrintSum(int decimals)
        {
            string f = "F" + decimals.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Console.WriteLine($"| **sum of phases** | {_totalUs.ToString(f, System.Globalization.CultureInfo.InvariantCulture)} µs | {(_totalBytes / 1024.0).ToString(f, System.Globalization.CultureInfo.InvariantCulture)} KB |");
        }
    }
}
