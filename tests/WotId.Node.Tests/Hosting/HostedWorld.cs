using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WotId.Node.Hosting;
using WotId.Node.Tests.Runtime;
using WotId.Testing.Libp2p;

namespace WotId.Node.Tests.Hosting;

/// <summary>
/// Generic hosts (Host.CreateApplicationBuilder) that each run one node through services.AddWotIdNode, in temporary
/// homes, with credentials from the test issuer of <see cref="RuntimeWorld"/> and one shared embedded mailbox file.
/// </summary>
internal sealed class HostedWorld : IDisposable
{
    private readonly TestProfiles _homes = new();

    internal RuntimeWorld Runtime { get; } = new();

    internal CapturingLoggerProvider Logs { get; } = new();

    internal string Home(string name) => _homes.Home(name);

    /// <summary>A host whose node creates (or opens) the profile <paramref name="name"/> and gets a credential for it.</summary>
    internal IHost Build(string name, Action<WotIdNodeOptions>? tweak = null)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddWotIdNode(o =>
        {
            o.Home = Home(name);
            o.CreateProfileName = name;
            o.Passphrase = TestProfiles.Passphrase;
            o.MailboxDatabasePath = Runtime.SharedMailbox;
            o.StatusLists = Runtime.StatusLists;
            o.TrustedIssuers.Add(Runtime.Issuer.Did);
            o.MailboxPollInterval = TimeSpan.FromMilliseconds(300);
            o.OutboxRetryInterval = TimeSpan.FromSeconds(1);
            o.PrepareProfile = (profile, _) =>
            {
                if (profile.Credential is null)
                {
                    profile.SetCredential(Runtime.Issuer.IssueVerifiedHuman(profile.Did, TimeSpan.FromDays(30)).Jws);
                }

                return Task.CompletedTask;
            };
            o.ProfileOverrides = TestProfiles.FastOptions();
            tweak?.Invoke(o);
        });
        return builder.Build();
    }

    public void Dispose()
    {
        Logs.Dispose();
        Runtime.Dispose();
        _homes.Dispose();
    }
}
