// IOTA DID Method Specification v2.0 §"DID Format" (Move-based "Rebased" ledger):
//   iota-did = "did:iota:" [ network ":" ] tag ; network = 1*8 (a-z / 0-9) ; tag = "0x" 64HEXDIG
// The tag is the object ID of the on-chain Identity object. The network name "iota" (mainnet) is elided in
// the normalized form, and everything is lower-cased, as identity-wasm's IotaDID.parse does
// (identity_iota_core did/iota_did.rs). Other networks name the chain identifier (e.g. "a9c98038").
using System;
using System.Diagnostics.CodeAnalysis;

namespace WotId.Identity.Dids.Iota;

/// <summary>A parsed, normalized <c>did:iota</c> identifier.</summary>
public sealed class IotaDid : IEquatable<IotaDid>
{
    /// <summary>The method prefix.</summary>
    public const string Prefix = "did:iota:";

    /// <summary>The mainnet network name, elided in the normalized form.</summary>
    public const string DefaultNetwork = "iota";

    /// <summary>The placeholder DID that stands for the document's own DID inside packed documents.</summary>
    public const string Placeholder = "did:0:0";

    /// <summary>Longest network name.</summary>
    public const int MaxNetworkLength = 8;

    private IotaDid(string network, string objectId)
    {
        Network = network;
        ObjectId = objectId;
        Value = network == DefaultNetwork ? Prefix + objectId : Prefix + network + ":" + objectId;
    }

    /// <summary>The network name (<c>iota</c> for mainnet).</summary>
    public string Network { get; }

    /// <summary>The Identity object ID: <c>0x</c> and 64 lower-case hex digits.</summary>
    public string ObjectId { get; }

    /// <summary>The normalized DID string.</summary>
    public string Value { get; }

    /// <summary>True when the DID names a network explicitly (not mainnet).</summary>
    public bool HasExplicitNetwork => Network != DefaultNetwork;

    /// <summary>Parses and normalizes a <c>did:iota</c> DID.</summary>
    /// <exception cref="IdentityFormatException">Not a did:iota DID.</exception>
    public static IotaDid Parse(string did) =>
        TryParse(did, out IotaDid? parsed)
            ? parsed
            : throw new IdentityFormatException(IdentityError.MalformedDid, "not a valid did:iota DID");

    /// <summary>Parses and normalizes a <c>did:iota</c> DID; false when it is not one.</summary>
    public static bool TryParse(string? did, [NotNullWhen(true)] out IotaDid? parsed)
    {
        parsed = null;
        if (did is null || did.Length > Prefix.Length + MaxNetworkLength + 1 + 66
            || !did.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string rest = did[Prefix.Length..];
        int colon = rest.IndexOf(':', StringComparison.Ordinal);
        string network = colon < 0 ? DefaultNetwork : rest[..colon].ToLowerInvariant();
        string tag = colon < 0 ? rest : rest[(colon + 1)..];
        if (!IsNetworkName(network) || !TryNormalizeObjectId(tag, out string? objectId))
        {
            return false;
        }

        parsed = new IotaDid(network, objectId);
        return true;
    }

    /// <summary>The DID of an Identity object on a network.</summary>
    /// <exception cref="IdentityFormatException">Not an object ID or not a network name.</exception>
    public static IotaDid FromObjectId(string objectId, string network = DefaultNetwork)
    {
        ArgumentNullException.ThrowIfNull(network);
        string net = network.ToLowerInvariant();
        if (!IsNetworkName(net) || !TryNormalizeObjectId(objectId, out string? id))
        {
            throw new IdentityFormatException(IdentityError.MalformedDid, "not a valid IOTA object ID or network name");
        }

        return new IotaDid(net, id);
    }

    /// <summary>True when <paramref name="network"/> is 1–8 characters a-z / 0-9.</summary>
    public static bool IsNetworkName(string? network)
    {
        if (string.IsNullOrEmpty(network) || network.Length > MaxNetworkLength)
        {
            return false;
        }

        foreach (char c in network)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(IotaDid? other) => other is not null && Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as IotaDid);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    private static bool TryNormalizeObjectId(string? tag, [NotNullWhen(true)] out string? objectId)
    {
        objectId = null;
        if (tag is null || tag.Length != 66 || tag[0] != '0' || (tag[1] != 'x' && tag[1] != 'X'))
        {
            return false;
        }

        for (int i = 2; i < tag.Length; i++)
        {
            if (!char.IsAsciiHexDigit(tag[i]))
            {
                return false;
            }
        }

        objectId = tag.ToLowerInvariant();
        return true;
    }
}
