// did:iota Read (IOTA DID Method Specification v2.0, "Read"; identity.rs rebased/migration/identity.rs get_identity):
//   1. network: a DID naming a network must match the node's chain (iota_getChainIdentifier; 6364aad5 is "iota"
//      = mainnet, 2304aa97 is "testnet", other chains go by their identifier), and a DID without one needs mainnet;
//   2. iota_getObject(tag, showContent): the object must be a `<package>::identity::Identity`;
//   3. did_doc (a Multicontroller) .controlled_value: Option<vector<u8>>; None, deleted_did or the packed
//      metadata's deactivated=true mean deactivated;
//   4. unpack (IotaDidDocumentPacking), placeholder → DID, created/updated from the object's millisecond clocks.
// Answers are cached per DID for CacheTtl (TimeProvider); transport failures are not cached.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Identity.Dids.Iota;

/// <summary>Resolves did:iota DIDs through an IOTA node.</summary>
public sealed class IotaDidResolver : IDidResolver
{
    /// <summary>The chain identifier of IOTA mainnet.</summary>
    public const string MainnetChainId = "6364aad5";

    /// <summary>The chain identifier of the IOTA testnet.</summary>
    public const string TestnetChainId = "2304aa97";

    /// <summary>Largest accepted <c>controlled_value</c> (the packed document is at most 65,542 bytes).</summary>
    public const int MaxPackedBytes = IotaDidDocumentPacking.HeaderLength + IotaDidDocumentPacking.MaxJsonLength;

    private readonly IIotaObjectReader _reader;
    private readonly IotaDidResolverOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (IotaDidResolution Resolution, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);
    private string? _network;

    /// <summary>Creates the resolver.</summary>
    public IotaDidResolver(IIotaObjectReader reader, IotaDidResolverOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _options = options ?? new IotaDidResolverOptions();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The did:iota network name of a chain identifier (<c>iota</c> for mainnet, <c>testnet</c>, else the identifier).</summary>
    public static string NetworkName(string chainId)
    {
        ArgumentNullException.ThrowIfNull(chainId);
        return chainId.ToLowerInvariant() switch
        {
            MainnetChainId => IotaDid.DefaultNetwork,
            TestnetChainId => "testnet",
            string other => other,
        };
    }

    /// <inheritdoc />
    public async ValueTask<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken) =>
        (await ResolveIotaAsync(did, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>Resolves and also returns the packed on-chain document.</summary>
    public async ValueTask<IotaDidResolution> ResolveIotaAsync(string did, CancellationToken cancellationToken)
    {
        if (!IotaDid.TryParse(did, out IotaDid? parsed))
        {
            return Fail(DidResolutionError.InvalidDid, "not a valid did:iota DID");
        }

        DateTimeOffset now = _time.GetUtcNow();
        if (_cache.TryGetValue(parsed.Value, out var cached) && cached.Expires > now)
        {
            return cached.Resolution;
        }

        IotaDidResolution resolution;
        try
        {
            resolution = await ReadAsync(parsed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or FormatException or JsonException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Fail(DidResolutionError.InternalError, "the IOTA node could not be read: " + ex.Message);
        }

        if (_options.CacheTtl > TimeSpan.Zero)
        {
            Remember(parsed.Value, resolution, now + _options.CacheTtl, now);
        }

        return resolution;
    }

    private async Task<IotaDidResolution> ReadAsync(IotaDid did, CancellationToken cancellationToken)
    {
        string network = _network ??= NetworkName(await _reader.GetChainIdentifierAsync(cancellationToken).ConfigureAwait(false));
        if (network != did.Network)
        {
            return Fail(DidResolutionError.NotFound, $"the DID is on network '{did.Network}' but the IOTA node serves '{network}'");
        }

        IotaObjectContent? obj = await _reader.GetObjectAsync(did.ObjectId, cancellationToken).ConfigureAwait(false);
        if (obj is null || !IsIdentityType(obj.Type))
        {
            return Fail(DidResolutionError.NotFound, obj is null ? "no object with this ID" : "the object is not an IOTA Identity");
        }

        JsonElement fields = obj.Fields;
        JsonElement didDoc = Unwrap(Member(fields, "did_doc"));
        JsonElement value = Member(didDoc, "controlled_value");
        bool deletedDid = fields.TryGetProperty("deleted_did", out JsonElement d) && d.ValueKind == JsonValueKind.True;
        if (value.ValueKind == JsonValueKind.Null || deletedDid)
        {
            return Fail(DidResolutionError.Deactivated, "the DID is deactivated");
        }

        IotaPackedDocument packed;
        try
        {
            IotaPackedDocument read = IotaDidDocumentPacking.Unpack(Bytes(value), did);
            packed = new IotaPackedDocument(did, read.DocumentJson, new IotaDocumentMetadata(
                Clock(fields, "created"), Clock(fields, "updated"), read.Metadata.Deactivated, read.Metadata.Properties));
        }
        catch (IdentityFormatException ex)
        {
            return Fail(DidResolutionError.InvalidDidDocument, "the packed DID document is malformed: " + ex.Message);
        }

        if (packed.IsDeactivated)
        {
            return new IotaDidResolution(DidResolutionResult.Failure(DidResolutionError.Deactivated, "the DID is deactivated"), packed);
        }

        try
        {
            return new IotaDidResolution(DidResolutionResult.Success(packed.ToDidDocument()), packed);
        }
        catch (IdentityFormatException ex)
        {
            return new IotaDidResolution(DidResolutionResult.Failure(DidResolutionError.InvalidDidDocument, ex.Message), packed);
        }
    }

    private bool IsIdentityType(string type)
    {
        string[] parts = type.Split("::");
        return parts.Length == 3 && parts[1] == "identity" && parts[2] == "Identity"
            && (_options.IdentityPackageIds is null || _options.IdentityPackageIds.Any(p => string.Equals(p, parts[0], StringComparison.OrdinalIgnoreCase)));
    }

    private static JsonElement Unwrap(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("fields", out JsonElement f) && f.ValueKind == JsonValueKind.Object ? f : e;

    private static JsonElement Member(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v)
            ? v
            : throw new FormatException($"the Identity object has no {name}");

    private static byte[] Bytes(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() > MaxPackedBytes)
        {
            throw new FormatException("controlled_value is not a byte vector of at most 65,542 bytes");
        }

        var bytes = new List<byte>(array.GetArrayLength());
        foreach (JsonElement b in array.EnumerateArray())
        {
            bytes.Add(b.ValueKind == JsonValueKind.Number && b.TryGetByte(out byte v) ? v : throw new FormatException("controlled_value holds a non-byte"));
        }

        return [.. bytes];
    }

    private static DateTimeOffset? Clock(JsonElement fields, string name)
    {
        if (!fields.TryGetProperty(name, out JsonElement v))
        {
            return null;
        }

        string? text = v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;
        return ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong ms) && ms <= 253_402_300_799_000
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms)
            : throw new FormatException($"{name} is not a millisecond timestamp");
    }

    private void Remember(string key, IotaDidResolution resolution, DateTimeOffset expires, DateTimeOffset now)
    {
        if (_cache.Count >= _options.MaxCacheEntries)
        {
            foreach (var entry in _cache.Where(e => e.Value.Expires <= now).ToList())
            {
                _cache.TryRemove(entry.Key, out _);
            }

            if (_cache.Count >= _options.MaxCacheEntries)
            {
                _cache.Clear();
            }
        }

        _cache[key] = (resolution, expires);
    }

    private static IotaDidResolution Fail(DidResolutionError error, string message) =>
        new(DidResolutionResult.Failure(error, message), null);
}
