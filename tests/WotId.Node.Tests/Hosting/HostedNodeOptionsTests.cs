// WotIdNodeOptions are validated when the host starts (ValidateOnStart): every problem is listed at once and nothing
// is opened or created; a missing profile without CreateProfileName and a wrong passphrase are typed profile errors.
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WotId.Node.Hosting;
using WotId.Node.Profile;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Hosting;

public sealed class HostedNodeOptionsTests
{
    [Fact]
    public async Task InvalidOptionsFailTheStartWithEveryProblemListed()
    {
        using var world = new HostedWorld();
        using IHost host = world.Build("frank", o =>
        {
            o.Home = " ";
            o.CreateProfileName = new string('x', NodeProfile.MaxNameLength + 1);
            o.ListenAddresses.Add("127.0.0.1:4001");
            o.TrustedIssuers.Add("not-a-did");
            o.ControlApiTcp = true;
            o.MailboxPollInterval = TimeSpan.Zero;
        });

        OptionsValidationException e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestProfiles.Ct));

        Assert.Equal(
            [
                "Home must name the profile directory",
                $"CreateProfileName must be 1..{NodeProfile.MaxNameLength} characters without control characters",
                "listen address '127.0.0.1:4001' is not a multiaddr",
                "trusted issuer 'not-a-did' is not a DID",
                "ControlApiTcp needs ControlApi",
                "MailboxPollInterval must be positive",
            ],
            e.Failures);
        Assert.False(Directory.Exists(world.Home("frank")));
    }

    [Fact]
    public async Task AMissingPassphraseVariableFailsValidation()
    {
        using var world = new HostedWorld();
        string variable = "WOTID_TEST_PASSPHRASE_" + Guid.NewGuid().ToString("N");
        using IHost host = world.Build("grace", o =>
        {
            o.Passphrase = null;
            o.PassphraseEnvironmentVariable = variable;
        });

        OptionsValidationException e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestProfiles.Ct));

        Assert.Equal($"the passphrase variable {variable} is not set", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task NoPassphraseSourceFailsValidation()
    {
        using var world = new HostedWorld();
        using IHost host = world.Build("heidi", o =>
        {
            o.Passphrase = null;
            o.PassphraseEnvironmentVariable = null;
        });

        OptionsValidationException e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestProfiles.Ct));

        Assert.Equal("no passphrase source: set PassphraseProvider, Passphrase or PassphraseEnvironmentVariable", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task WithoutCreateProfileNameAMissingProfileIsNotFound()
    {
        using var world = new HostedWorld();
        using IHost host = world.Build("ivan", o => o.CreateProfileName = null);

        ProfileException e = await Assert.ThrowsAsync<ProfileException>(() => host.StartAsync(TestProfiles.Ct));

        Assert.Equal(ProfileError.NotFound, e.Error);
    }

    [Fact]
    public async Task APassphraseProviderIsAskedAndAWrongOneIsRefused()
    {
        using var world = new HostedWorld();
        using (IHost first = world.Build("judy"))
        {
            await first.StartAsync(TestProfiles.Ct);
            await first.StopAsync(TestProfiles.Ct);
        }

        int asked = 0;
        using IHost second = world.Build("judy", o => o.PassphraseProvider = _ =>
        {
            asked++;
            return ValueTask.FromResult("not the passphrase");
        });

        ProfileException e = await Assert.ThrowsAsync<ProfileException>(() => second.StartAsync(TestProfiles.Ct));

        Assert.Equal(ProfileError.WrongPassphrase, e.Error);
        Assert.Equal(1, asked);
    }

    [Fact]
    public void OptionsBindFromConfiguration()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WotId:Home"] = "/srv/wotid",
            ["WotId:CreateProfileName"] = "service",
            ["WotId:Passphrase"] = "from configuration",
            ["WotId:ListenAddresses:0"] = "/ip4/127.0.0.1/tcp/4001",
            ["WotId:TrustedIssuers:0"] = "did:key:zIssuer",
            ["WotId:ControlApi"] = "true",
            ["WotId:MailboxPollInterval"] = "00:00:30",
        });
        builder.Services.AddWotIdNode();
        builder.Services.Configure<WotIdNodeOptions>(builder.Configuration.GetSection("WotId"));
        using IHost host = builder.Build();

        // Reading the value also runs the validator (it would throw on a bad section).
        WotIdNodeOptions o = host.Services.GetRequiredService<IOptions<WotIdNodeOptions>>().Value;

        Assert.Equal(("/srv/wotid", "service", "from configuration", true, TimeSpan.FromSeconds(30)), (o.Home, o.CreateProfileName, o.Passphrase, o.ControlApi, o.MailboxPollInterval));
        Assert.Equal(["/ip4/127.0.0.1/tcp/4001"], o.ListenAddresses);
        Assert.Equal(["did:key:zIssuer"], o.TrustedIssuers);
    }
}
