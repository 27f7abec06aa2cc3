// Persistent issuer state: the status list (Bitstring Status List v1.0 §2.2) and which credential id owns
// which index. Indexes are drawn at random (spec §7.2 "privacy considerations": sequential indexes leak
// issuance order and volume). JSON with the list stored as its encodedList.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using WotId.Crypto;
using WotId.Identity.Status;

namespace WotId.Identity.Issuing;

/// <summary>An issuer's status list and credential index table.</summary>
public sealed class IssuerState
{
    /// <summary>Largest accepted state JSON.</summary>
    public const int MaxJsonBytes = 64 * 1024 * 1024;

    private readonly Dictionary<string, int> _issued = new(StringComparer.Ordinal);
    private readonly HashSet<int> _used = new();

    /// <summary>Creates empty state for a list published at <paramref name="statusListUrl"/>.</summary>
    public IssuerState(string statusListUrl, BitstringStatusList? list = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(statusListUrl);
        StatusListUrl = statusListUrl;
        List = list ?? BitstringStatusList.Create();
    }

    /// <summary>The URL the status list credential is published under.</summary>
    public string StatusListUrl { get; }

    /// <summary>The revocation bitstring.</summary>
    public BitstringStatusList List { get; }

    /// <summary>Issued credential ids and their indexes.</summary>
    public IReadOnlyDictionary<string, int> Issued => _issued;

    /// <summary>Allocates a random unused index for <paramref name="credentialId"/>.</summary>
    /// <exception cref="InvalidOperationException">The list is more than half full.</exception>
    /// <exception cref="ArgumentException">The id already has an index.</exception>
    public int Allocate(string credentialId)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialId);
        if (_issued.ContainsKey(credentialId))
        {
            throw new ArgumentException("credential id already has a status index", nameof(credentialId));
        }

        if (_used.Count >= List.Length / 2)
        {
            throw new InvalidOperationException("status list is half full: start a new list");
        }

        Span<byte> r = stackalloc byte[4];
        int index;
        do
        {
            RandomBytes.Fill(r);
            index = (int)(BitConverter.ToUInt32(r) % (uint)List.Length);
        }
        while (!_used.Add(index));

        _issued.Add(credentialId, index);
        return index;
    }

    /// <summary>Serializes the state.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("statusListUrl", StatusListUrl);
            w.WriteString("encodedList", List.Encode());
            w.WriteStartObject("issued");
            foreach ((string id, int index) in _issued)
            {
                w.WriteNumber(id, index);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Parses serialized state.</summary>
    /// <exception cref="IdentityFormatException">Malformed state.</exception>
    public static IssuerState Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument doc = IdentityJson.ParseObject(json, MaxJsonBytes);
        JsonElement root = doc.RootElement;
        var state = new IssuerState(
            IdentityJson.RequireString(root, "statusListUrl"),
            BitstringStatusList.Decode(IdentityJson.RequireString(root, "encodedList")));
        if (root.TryGetProperty("issued", out JsonElement issued) && issued.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in issued.EnumerateObject())
            {
                if (!p.Value.TryGetInt32(out int index) || index < 0 || index >= state.List.Length || !state._used.Add(index))
                {
                    throw new IdentityFormatException(IdentityError.MissingOrWrongMember, "bad status index in issuer state");
                }

                state._issued.Add(p.Name, index);
            }
        }

        return state;
    }
}
