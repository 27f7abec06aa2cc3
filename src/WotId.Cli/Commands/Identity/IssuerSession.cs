using System;
using System.IO;
using WotId.Identity.Issuing;
using WotId.Identity.Keys;

namespace WotId.Cli.Commands.Identity;

/// <summary>The issuer loaded from HOME/issuer (key opened with the passphrase); <see cref="Save"/> persists state and republishes the list.</summary>
internal sealed class IssuerSession : IDisposable
{
    private readonly CliContext _context;
    private readonly SigningKey _key;

    public IssuerSession(CliContext context)
    {
        _context = context;
        string statePath = IdentityHome.IssuerState(context);
        if (!File.Exists(statePath))
        {
            throw new CliFailure($"no issuer in {context.Home}", "run `wotid issuer init` first, or pass the right --home", "no-issuer", ExitCodes.InvalidInput);
        }

        IssuerState state;
        try
        {
            state = IssuerState.Parse(File.ReadAllText(statePath));
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            throw new CliFailure($"issuer state {statePath} is damaged: {ex.Message}", "restore it from a backup", "invalid-input", ExitCodes.InvalidInput);
        }

        _key = IdentityHome.OpenKey(context, IdentityHome.IssuerKey(context));
        Issuer = new CredentialIssuer(_key, state);
    }

    public CredentialIssuer Issuer { get; }

    public void Save()
    {
        IdentityHome.WritePrivate(IdentityHome.IssuerState(_context), Issuer.State.ToJson(), overwrite: true);
        IdentityHome.StatusLists(_context).Put(Issuer.State.StatusListUrl, Issuer.IssueStatusListCredential());
    }

    public void Dispose() => _key.Dispose();
}
