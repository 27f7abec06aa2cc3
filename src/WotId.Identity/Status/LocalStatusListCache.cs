// Local status-list source for verifiers without network (Bitstring Status List v1.0 §6.3 recommends
// caching; fetching privately is a node concern). Optionally persisted as one file per URL
// (<sha256(url) hex>.jws) under a directory, so the CLI can share lists between runs.
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Crypto;

namespace WotId.Identity.Status;

/// <summary>An in-memory (optionally directory-backed) <see cref="IStatusListProvider"/>.</summary>
public sealed class LocalStatusListCache : IStatusListProvider
{
    private readonly ConcurrentDictionary<string, string> _lists = new(StringComparer.Ordinal);
    private readonly string? _directory;

    /// <summary>Creates the cache; with <paramref name="directory"/>, lists are also read from and written to files there.</summary>
    public LocalStatusListCache(string? directory = null)
    {
        _directory = directory;
    }

    /// <summary>Stores (or replaces) the status list credential for a URL.</summary>
    public void Put(string statusListCredentialUrl, string jws)
    {
        ArgumentException.ThrowIfNullOrEmpty(statusListCredentialUrl);
        ArgumentException.ThrowIfNullOrEmpty(jws);
        _lists[statusListCredentialUrl] = jws;
        if (_directory is not null)
        {
            Directory.CreateDirectory(_directory);
            string path = PathFor(statusListCredentialUrl);
            File.WriteAllText(path + ".tmp", jws);
            File.Move(path + ".tmp", path, overwrite: true);
        }
    }

    /// <inheritdoc />
    public ValueTask<string?> GetAsync(string statusListCredentialUrl, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_lists.TryGetValue(statusListCredentialUrl, out string? jws))
        {
            return ValueTask.FromResult<string?>(jws);
        }

        if (_directory is not null)
        {
            string path = PathFor(statusListCredentialUrl);
            if (File.Exists(path))
            {
                return ValueTask.FromResult<string?>(File.ReadAllText(path));
            }
        }

        return ValueTask.FromResult<string?>(null);
    }

    private string PathFor(string url) =>
        Path.Combine(_directory!, Hex.Encode(Sha256.Hash(Encoding.UTF8.GetBytes(url))) + ".jws");
}
