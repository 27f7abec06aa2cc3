// The CPU floor of one verified session setup set by its ML-DSA-65 operations (docs/benchmarks-node.md "CPU profile
// of a warmed setup"): the process CPU of n deterministic signatures and n verifications through the same calls the
// node makes (MLDsaPrivateKey.Sign as SigningKeyTspSigner and CompactJws sign, MLDsa.Verify as TspSignatureVerifier
// and SignatureVerifier verify), times the number of each on a setup's path. One thread, so process CPU ≈ its CPU.
using System;
using System.Diagnostics;
using WotId.Crypto;

namespace WotId.Benchmarks.Node;

/// <summary>The node-setup-ceiling console mode.</summary>
internal static class NodeSetupCeiling
{
    /// <summary>ML-DSA-65 signatures on a setup's path: TSP messages 1–4, both presentations, the chat message.</summary>
    internal const int SignaturesOnPath = 7;

    /// <summary>ML-DSA-65 verifications on a setup's path with the credential and status list remembered: TSP messages
    /// 1–4, both presentations, the chat message's TSP signature.</summary>
    internal const int VerificationsOnPath = 7;

    public static void Run(int count)
    {
        using MLDsaPrivateKey key = MLDsaPrivateKey.Generate(MLDsaAlgorithm.MLDsa65);
        byte[] message = new byte[6000];
        Random.Shared.NextBytes(message);
        byte[] signed = (byte[])message.Clone();
        byte[] signature = key.Sign(signed, [], deterministic: true);
        for (int i = 0; i < 200; i++)
        {
            // Warm-up: tier-up of BouncyCastle's ML-DSA code.
            key.Sign(message, [], deterministic: true);
            MLDsa.Verify(MLDsaAlgorithm.MLDsa65, key.PublicKeySpan, signed, [], signature);
        }

        // Each signature over another message: the rejection loop of deterministic signing depends on it.
        int counter = 0;
        double sign = PerCall(count, () => key.Sign(Next(message, ref counter), [], deterministic: true));
        double verify = PerCall(count, () => MLDsa.Verify(MLDsaAlgorithm.MLDsa65, key.PublicKeySpan, signed, [], signature));
        Console.WriteLine($"load average: {NodeConsole.LoadAverage()}");
        Console.WriteLine($"ML-DSA-65 sign (deterministic, 6,000-byte message): {sign:F3} ms CPU per call (n = {count})");
        Console.WriteLine($"ML-DSA-65 verify: {verify:F3} ms CPU per call (n = {count})");
        Console.WriteLine($"per setup: {SignaturesOnPath} signatures + {VerificationsOnPath} verifications = "
            + $"{(SignaturesOnPath * sign) + (VerificationsOnPath * verify):F2} ms CPU (both nodes together)");
    }

    private static byte[] Next(byte[] message, ref int counter)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(message, ++counter);
        return message;
    }

    private static double PerCall(int count, Action call)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        TimeSpan cpu0 = process.TotalProcessorTime;
        for (int i = 0; i < count; i++)
        {
            call();
        }

        process.Refresh();
        return (process.TotalProcessorTime - cpu0).TotalMilliseconds / count;
    }
}
