// Bitstring Status List v1.0 §3.2 step 1 ("dereference statusListCredential") over HTTP(S), with the list credential
// verified before it is cached: vc+jwt, a BitstringStatusListCredential whose id is the URL, signed by its issuer's
// assertionMethod key (did:key), inside its validity period. Verified copies are cached for MaxAge (spec §6.3
// "caching"); when a fetch fails (unreachable, HTTP error, too large, invalid) the fallback policy decides:
// FailClosed → null (the verifier reports StatusUnavailable) or UseStaleUpTo(t) → the last verified copy while it
// was fetched at most t ago. A failed fetch never replaces a verified copy.
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Credentials;
using WotId.Identity.Dids;
using WotId.Identity.Jose;
using WotId.Identity.Status;

namespace WotId.Node.Handshake.Status;

/// <summary>Fetches, verifies and caches status list credentials by URL.</summary>
public sealed class HttpStatusListProvider : IStatusListProvider
{
    private readonly HttpClient _http;
    private readonly HttpStatusListProviderOptions _options;
    private readonly DidKeyResolver _resolver = new();
    private readonly ConcurrentDictionary<string, Cached> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates the provider over <paramref name="http"/> (owned by the caller; set its timeout there).</summary>
    public HttpStatusListProvider(HttpClient http, HttpStatusListProviderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _options = options ?? new HttpStatusListProviderOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxResponseBytes, 1024);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxCachedLists, 1);
    }

    /// <summary>Fetches that ended without a verified list (for diagnostics).</summary>
    public int FailedFetches => Volatile.Read(ref _failed);

    private int _failed;

    /// <inheritdoc />
    public async ValueTask<string?> GetAsync(string statusListCredentialUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(statusListCredentialUrl);
        DateTimeOffset now = _options.TimeProvider.GetUtcNow();
        if (_cache.TryGetValue(statusListCredentialUrl, out Cached? cached) && now - cached.FetchedAt < _options.MaxAge && IsCurrent(cached.ValidUntil, now))
        {
            return cached.Jws;
        }

        (string? jws, DateTimeOffset? validUntil) = await FetchAsync(statusListCredentialUrl, cancellationToken).ConfigureAwait(false);
        now = _options.TimeProvider.GetUtcNow();
        if (jws is not null)
        {
            Store(statusListCredentialUrl, new Cached(jws, now, validUntil));
            return jws;
        }

        Interlocked.Increment(ref _failed);
        return cached is not null && _options.WhenUnavailable.StaleLimit is { } limit && now - cached.FetchedAt <= limit && IsCurrent(cached.ValidUntil, now)
            ? cached.Jws
            : null;
    }

    private async Task<(string? Jws, DateTimeOffset? ValidUntil)> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, null);
        }

        string text;
        try
        {
            using HttpResponseMessage response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > _options.MaxResponseBytes)
            {
                return (null, null);
            }

            text = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false) ?? string.Empty;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, null);
        }

        return await VerifyAsync(url, text.Trim(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var buffer = new byte[_options.MaxResponseBytes + 1];
            int total = 0, n;
            while (total < buffer.Length && (n = await body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += n;
            }

            return total > _options.MaxResponseBytes ? null : Encoding.UTF8.GetString(buffer, 0, total);
        }
    }

    private async ValueTask<(string? Jws, DateTimeOffset? ValidUntil)> VerifyAsync(string url, string text, CancellationToken cancellationToken)
    {
        CompactJws jws;
        Credential credential;
        try
        {
            jws = CompactJws.Parse(text);
            credential = Credential.Parse(jws.Payload);
            StatusListCredential.Read(credential);
        }
        catch (IdentityFormatException)
        {
            return (null, null);
        }

        DateTimeOffset now = _options.TimeProvider.GetUtcNow();
        if (jws.Header.Typ != CredentialTerms.VcJwtType || (credential.Id is not null && credential.Id != url)
            || credential.ValidFrom > now + _options.ClockSkew || !IsCurrent(credential.ValidUntil, now) || jws.Header.Kid is not { } kid)
        {
            return (null, null);
        }

        DidResolutionResult resolved = await _resolver.ResolveAsync(credential.Issuer, cancellationToken).ConfigureAwait(false);
        VerificationMethod? method = resolved.Document?.FindMethod(kid, VerificationRelationship.AssertionMethod);
        return method is not null && kid.StartsWith(credential.Issuer + "#", StringComparison.Ordinal) && jws.Verify(method.PublicKey)
            ? (text, credential.ValidUntil)
            : (null, null);
    }

    private bool IsCurrent(DateTimeOffset? validUntil, DateTimeOffset now) => validUntil is not { } until || until > now - _options.ClockSkew;

    private void Store(string url, Cached entry)
    {
        if (!_cache.ContainsKey(url) && _cache.Count >= _options.MaxCachedLists)
        {
            string? oldest = _cache.OrderBy(p => p.Value.FetchedAt).Select(p => p.Key).FirstOrDefault();
            if (oldest is not null)
            {
                _cache.TryRemove(oldest, out _);
            }
        }

        _cache[url] = entry;
    }

    private sealed record Cached(string Jws, DateTimeOffset FetchedAt, DateTimeOffset? ValidUntil);
}
