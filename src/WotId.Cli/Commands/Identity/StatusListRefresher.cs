// Keeps a served status list current: a list is valid for its issuer's lifetime only (Bitstring Status List v1.0 §2.3
// with the VC Data Model 2.0 §4.9 validity period; verifiers also bound its age), so `issuer serve` signs a new one
// from the issuer state once half of the served list's lifetime has passed. The state is read from disk each time, so
// a revocation written by `issuer revoke` meanwhile is never lost: when the state changed while the list was being
// re-issued, it is issued again from the new state.
using System;
using System.IO;
using WotId.Identity.Credentials;
using WotId.Identity.Issuing;
using WotId.Identity.Jose;
using WotId.Identity.Keys;

namespace WotId.Cli.Commands.Identity;

/// <summary>Re-issues the issuer's status list credential before it goes stale.</summary>
internal sealed class StatusListRefresher
{
    private const int MaxAttempts = 3;

    private readonly CliContext _context;
    private readonly SigningKey _key;
    private readonly TimeProvider _time;

    public StatusListRefresher(CliContext context, SigningKey key, TimeProvider? time = null)
    {
        _context = context;
        _key = key;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>True when <paramref name="jws"/> is past half its validity period, has none, or cannot be read.</summary>
    public bool IsDue(string jws)
    {
        try
        {
            Credential list = Credential.Parse(CompactJws.Parse(jws).Payload);
            if (list.ValidFrom is not { } from || list.ValidUntil is not { } until)
            {
                return true;
            }

            return _time.GetUtcNow() >= from + ((until - from) / 2);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            return true;
        }
    }

    /// <summary>Signs a fresh list from the issuer state on disk, stores it as the published list, and returns it.</summary>
    public string Refresh(string url)
    {
        string statePath = IdentityHome.IssuerState(_context);
        for (int attempt = 1; ; attempt++)
        {
            string state = File.ReadAllText(statePath);
            var issuer = new CredentialIssuer(_key, IssuerState.Parse(state), _time);
            string fresh = issuer.IssueStatusListCredential();
            IdentityHome.StatusLists(_context).Put(url, fresh);
            if (attempt == MaxAttempts || File.ReadAllText(statePath) == state)
            {
                return fresh;
            }
        }
    }
}
