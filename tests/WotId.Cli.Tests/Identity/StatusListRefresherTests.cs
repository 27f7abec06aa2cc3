// `issuer serve` keeps its list fresh (StatusListRefresher): a list is due once half its validity period has passed
// (or when it has none, or cannot be read), and a refresh signs the list from the issuer state on disk, so a
// revocation written by another command is in it.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Cli.Commands.Identity;
using WotId.Identity;
using WotId.Identity.Credentials;
using WotId.Identity.Issuing;
using WotId.Identity.Jose;
using WotId.Identity.Keys;
using WotId.Identity.Status;
using WotId.Testing;

namespace WotId.Cli.Tests.Identity;

public sealed class StatusListRefresherTests : IDisposable
{
    private const string Url = "http://127.0.0.1:8470/lists/1";
    private static readonly DateTimeOffset s_start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _home = Path.Combine(Path.GetTempPath(), "wotid-refresher-" + Guid.NewGuid().ToString("N"));
    private readonly SigningKey _key = SigningKey.Generate(KeyAlgorithm.MLDsa65);
    private readonly ManualTime _time = new(s_start);
    private readonly CliContext _context;

    public StatusListRefresherTests()
    {
        _context = new CliContext(TextWriter.Null, TextWriter.Null, json: false, _home);
        Directory.CreateDirectory(Path.GetDirectoryName(IdentityHome.IssuerState(_context))!);
        File.WriteAllText(IdentityHome.IssuerState(_context), new IssuerState(Url).ToJson());
    }

    [Fact]
    public async Task RefreshSignsAListValidForTheLifetimeAndPublishesIt()
    {
        var refresher = new StatusListRefresher(_context, _key, _time);
        string jws = refresher.Refresh(Url);

        Credential list = Credential.Parse(CompactJws.Parse(jws).Payload);
        Assert.Equal(s_start, list.ValidFrom);
        Assert.Equal(s_start + StatusListCredential.DefaultLifetime, list.ValidUntil);
        Assert.Equal(jws, await IdentityHome.StatusLists(_context).GetAsync(Url, CancellationToken.None));
    }

    [Fact]
    public void ListIsDueAtHalfItsLifetime()
    {
        var refresher = new StatusListRefresher(_context, _key, _time);
        string jws = refresher.Refresh(Url);
        Assert.False(refresher.IsDue(jws));

        _time.Now += (StatusListCredential.DefaultLifetime / 2) - TimeSpan.FromSeconds(1);
        Assert.False(refresher.IsDue(jws));
        _time.Now += TimeSpan.FromSeconds(1);
        Assert.True(refresher.IsDue(jws));
    }

    [Fact]
    public void ListWithoutValidUntilOrUnreadableIsDue()
    {
        var refresher = new StatusListRefresher(_context, _key, _time);
        byte[] payload = StatusListCredential.Write(_key.Did, Url, "revocation", BitstringStatusList.Create(), s_start, validUntil: null);
        string open = CompactJws.Sign(new JwsHeader(_key.Algorithm, _key.KeyId, CredentialTerms.VcJwtType), payload, _key);

        Assert.True(refresher.IsDue(open));
        Assert.True(refresher.IsDue("not.a.jws"));
    }

    [Fact]
    public void RefreshCarriesARevocationWrittenByAnotherCommand()
    {
        var refresher = new StatusListRefresher(_context, _key, _time);
        var issuer = new CredentialIssuer(_key, IssuerState.Parse(File.ReadAllText(IdentityHome.IssuerState(_context))), _time);
        IssuedCredential vc = issuer.IssueVerifiedHuman(SigningKey.Generate(KeyAlgorithm.MLDsa65).Did, TimeSpan.FromDays(30));
        Assert.True(issuer.Revoke(vc.Id));
        File.WriteAllText(IdentityHome.IssuerState(_context), issuer.State.ToJson());

        string jws = refresher.Refresh(Url);

        (_, BitstringStatusList list) = StatusListCredential.Read(Credential.Parse(CompactJws.Parse(jws).Payload));
        Assert.True(list.Get(vc.StatusIndex));
    }

    public void Dispose()
    {
        _key.Dispose();
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }
}
