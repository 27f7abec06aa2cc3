// Scannable safety number (libsignal rust/protocol/src/fingerprint.rs, proto/fingerprint.proto):
// CombinedFingerprints { uint32 version = 1; LogicalFingerprint local = 2; LogicalFingerprint remote = 3 },
// LogicalFingerprint { bytes content = 1 } with 32-byte contents.
using System;
using System.Security.Cryptography;
using WotId.Core.Protobuf;
using WotId.Signal.Protocol;

namespace WotId.Signal.Fingerprints;

/// <summary>The QR-code form of a safety number.</summary>
public sealed class ScannableFingerprint
{
    private readonly byte[] _local;
    private readonly byte[] _remote;

    internal ScannableFingerprint(uint version, byte[] local, byte[] remote)
    {
        Version = version;
        _local = local;
        _remote = remote;
    }

    /// <summary>The fingerprint version.</summary>
    public uint Version { get; }

    /// <summary>The protobuf bytes to put in a QR code.</summary>
    public byte[] Serialize()
    {
        var w = new ProtobufWriter(80);
        w.WriteUInt32(1, Version);
        var inner = new ProtobufWriter(40);
        inner.WriteBytes(1, _local);
        w.WriteBytes(2, inner.WrittenSpan);
        inner = new ProtobufWriter(40);
        inner.WriteBytes(1, _remote);
        w.WriteBytes(3, inner.WrittenSpan);
        return w.ToArray();
    }

    /// <summary>
    /// True when <paramref name="scanned"/> (the other side's scannable fingerprint) matches ours: their local is our remote
    /// and vice versa. Throws <see cref="SignalProtocolException"/> on malformed input or a version mismatch.
    /// </summary>
    public bool Compare(ReadOnlySpan<byte> scanned)
    {
        (uint version, byte[] local, byte[] remote) = Parse(scanned);
        if (version != Version)
        {
            throw new SignalProtocolException(SignalError.FingerprintVersionMismatch, $"fingerprint version {version}, expected {Version}");
        }

        bool a = CryptographicOperations.FixedTimeEquals(local, _remote);
        bool b = CryptographicOperations.FixedTimeEquals(remote, _local);
        return a & b;
    }

    /// <summary>Parses a scannable fingerprint.</summary>
    internal static (uint Version, byte[] Local, byte[] Remote) Parse(ReadOnlySpan<byte> data)
    {
        try
        {
            var r = new ProtobufReader(data);
            uint? version = null;
            byte[]? local = null, remote = null;
            while (r.TryReadTag(out int field, out WireType wt))
            {
                switch (field)
                {
                    case 1: version = r.ReadUInt32(wt); break;
                    case 2: local = Content(r.ReadBytes(wt)); break;
                    case 3: remote = Content(r.ReadBytes(wt)); break;
                    default: r.Skip(wt); break;
                }
            }

            if (version is null || local is null || remote is null)
            {
                throw new SignalProtocolException(SignalError.FingerprintParsing, "scannable fingerprint lacks a field");
            }

            return (version.Value, local, remote);
        }
        catch (ProtobufException e)
        {
            throw new SignalProtocolException(SignalError.FingerprintParsing, "invalid scannable fingerprint", e);
        }
    }

    /// <summary>Version only.</summary>
    public override string ToString() => "ScannableFingerprint(v" + Version + ")";

    private static byte[] Content(ReadOnlySpan<byte> logical)
    {
        var r = new ProtobufReader(logical);
        byte[]? content = null;
        while (r.TryReadTag(out int field, out WireType wt))
        {
            if (field == 1)
            {
                content = r.ReadBytes(wt).ToArray();
            }
            else
            {
                r.Skip(wt);
            }
        }

        return content ?? throw new SignalProtocolException(SignalError.FingerprintParsing, "logical fingerprint lacks content");
    }
}
