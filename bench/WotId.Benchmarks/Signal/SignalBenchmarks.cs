// Benchmarks: Signal session setup and 1 KiB message throughput, with libsignal-client 0.103 measured in the same run
// through node (interop/signal/peer.mjs "bench"); results in docs/benchmarks-signal.md.
using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using WotId.Signal;
using WotId.Signal.Keys;
using WotId.Signal.Protocol;
using WotId.Signal.Stores;

namespace WotId.Benchmarks.Signal;

/// <summary>Session setup (process bundle + first encrypt + first decrypt), one-way and alternating 1 KiB messages.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class SignalBenchmarks
{
    private static readonly ProtocolAddress s_alice = new("alice", 1);
    private static readonly ProtocolAddress s_bob = new("bob", 1);
    private readonly byte[] _plaintext = new byte[1024];
    private BenchStore _bobStore = null!;
    private PreKeyBundle _bundle = null!;
    private SessionCipher _a = null!;
    private SessionCipher _b = null!;

    /// <summary>Bob's bundle (reused for every setup), an established session, overheads, and the libsignal reference run.</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>PQXDH session setup: Alice processes Bob's bundle, encrypts, Bob decrypts the PreKeySignalMessage.</summary>
    [Benchmark]
    public async Task<byte[]> SessionSetup()
    {
        var alice = new InMemorySignalProtocolStore(IdentityKeyPair.Generate(), 1);
        await new SessionBuilder(alice, s_bob).ProcessPreKeyBundleAsync(_bundle).ConfigureAwait(false);
        CiphertextMessage m = await new SessionCipher(alice, s_bob).EncryptAsync(_plaintext).ConfigureAwait(false);
        byte[] p = await new SessionCipher(_bobStore, new ProtocolAddress("a" + Guid.NewGuid().ToString("N"), 1)).DecryptAsync(m).ConfigureAwait(false);
        alice.Dispose();
        return p;
    }

    /// <summary>One 1 KiB message Alice → Bob (encrypt + decrypt).</summary>
    [Benchmark]
    public async Task<byte[]> OneWay() => await _b.DecryptAsync(await _a.EncryptAsync(_plaintext).ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>Two 1 KiB messages, Alice → Bob then Bob → Alice (a DH ratchet step each).</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public async Task<byte[]> Alternating()
    {
        await _b.DecryptAsync(await _a.EncryptAsync(_plaintext).ConfigureAwait(false)).ConfigureAwait(false);
        var bobToAlice = new SessionCipher(_bobStore, s_alice);
        return await _a.DecryptAsync(await bobToAlice.EncryptAsync(_plaintext).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private async Task SetupAsync()
    {
        using var bobIdentityForBundle = IdentityKeyPair.Generate();
        var bob = new InMemorySignalProtocolStore(IdentityKeyPair.Deserialize(bobIdentityForBundle.Serialize()), 2);
        _bobStore = new BenchStore(bob);
        IdentityKeyPair id = await bob.GetIdentityKeyPairAsync().ConfigureAwait(false);
        // The store keeps copies; these originals are only needed for the bundle's public parts.
        using var spk = SignedPreKeyRecord.Generate(id, 1, 0);
        using var kyber = KyberPreKeyRecord.Generate(id, 2, 0, isLastResort: true);
        using var opk = PreKeyRecord.Generate(3);
        await bob.StoreSignedPreKeyAsync(1, spk).ConfigureAwait(false);
        await bob.StoreKyberPreKeyAsync(2, kyber).ConfigureAwait(false);
        await bob.StorePreKeyAsync(3, opk).ConfigureAwait(false);
        _bundle = new PreKeyBundle(2, 1, 3, opk.KeyPair.PublicKey, 1, spk.KeyPair.PublicKey, spk.Signature, id.PublicKey, 2, kyber.KeyPair.PublicKey, kyber.Signature);

        var alice = new InMemorySignalProtocolStore(IdentityKeyPair.Generate(), 1);
        await new SessionBuilder(alice, s_bob).ProcessPreKeyBundleAsync(_bundle).ConfigureAwait(false);
        _a = new SessionCipher(alice, s_bob);
        _b = new SessionCipher(_bobStore, s_alice);
        CiphertextMessage first = await _a.EncryptAsync(_plaintext).ConfigureAwait(false);
        Console.WriteLine($"// overhead PreKeySignalMessage: {first.Serialized.Length - 1024} bytes");
        await _b.DecryptAsync(first).ConfigureAwait(false);
        await _a.DecryptAsync(await _b.EncryptAsync(_plaintext).ConfigureAwait(false)).ConfigureAwait(false);
        long oneWay = 0, alternating = 0;
        for (int i = 0; i < 400; i++)
        {
            CiphertextMessage m = await _a.EncryptAsync(_plaintext).ConfigureAwait(false);
            oneWay += m.Serialized.Length - 1024;
            await _b.DecryptAsync(m).ConfigureAwait(false);
        }

        var bobToAlice = new SessionCipher(_bobStore, s_alice);
        for (int i = 0; i < 200; i++)
        {
            CiphertextMessage m = await _a.EncryptAsync(_plaintext).ConfigureAwait(false);
            alternating += m.Serialized.Length - 1024;
            await _b.DecryptAsync(m).ConfigureAwait(false);
            m = await bobToAlice.EncryptAsync(_plaintext).ConfigureAwait(false);
            alternating += m.Serialized.Length - 1024;
            await _a.DecryptAsync(m).ConfigureAwait(false);
        }

        Console.WriteLine($"// overhead SignalMessage: one way {oneWay / 400.0:F1} bytes, alternating {alternating / 400.0:F1} bytes (means of 400)");
        RunLibsignalReference();
    }

    private static void RunLibsignalReference()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "WotId.slnx")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        dir ??= Environment.GetEnvironmentVariable("WOTID_REPO");
        if (dir is null)
        {
            Console.WriteLine("// libsignal reference: repository root not found (set WOTID_REPO)");
            return;
        }

        var psi = new ProcessStartInfo("node") { WorkingDirectory = Path.Combine(dir, "interop"), RedirectStandardInput = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(Path.Combine(dir, "interop", "signal", "peer.mjs"));
        using Process p = Process.Start(psi)!;
        p.StandardInput.WriteLine("{\"cmd\":\"bench\",\"sessions\":200,\"messages\":5000}");
        p.StandardInput.Close();
        string result = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Console.WriteLine("// libsignal-client 0.103.0 (same machine, same run): " + result.Trim());
        File.WriteAllText(Path.Combine(dir, "artifacts", "libsignal-bench.json"), result);
    }
}
