// Runs the node for the lifetime of a generic host (docs/library.md "Hosting"): at start it reads the passphrase,
// opens (or creates) the profile, lets the app prepare it, starts WotIdNode and, when asked, the local control API; at
// stop it stops both. The passphrase is dropped once the profile is open; it never reaches a log.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WotId.Node.Control;
using WotId.Node.Profile;
using WotId.Node.Runtime;

namespace WotId.Node.Hosting;

/// <summary>Starts and stops the hosted node.</summary>
internal sealed partial class WotIdNodeHostedService : IHostedService
{
    private readonly WotIdNodeOptions _options;
    private readonly HostedWotIdNode _facade;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private WotIdNode? _node;
    private ControlApiServer? _control;

    public WotIdNodeHostedService(IOptions<WotIdNodeOptions> options, HostedWotIdNode facade, ILoggerFactory loggers)
    {
        _options = options.Value;
        _facade = facade;
        _loggers = loggers;
        _logger = loggers.CreateLogger("WotId.Node.Hosting");
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        string passphrase = await ReadPassphraseAsync(cancellationToken).ConfigureAwait(false);
        ProfileOptions profileOptions = ProfileOptionsFor(_options);
        bool existed = Profile.Profile.Exists(_options.Home);
        Profile.Profile profile = _options.CreateProfileName is { } name
            ? await Profile.Profile.OpenOrCreateAsync(_options.Home, name, passphrase, profileOptions, cancellationToken).ConfigureAwait(false)
            : await Profile.Profile.OpenAsync(_options.Home, passphrase, profileOptions, cancellationToken).ConfigureAwait(false);
        try
        {
            LogProfile(_logger, existed ? "opened" : "created", profile.Name, _options.Home);
            foreach (string issuer in _options.TrustedIssuers)
            {
                profile.TrustIssuer(issuer);
            }

            if (_options.PrepareProfile is { } prepare)
            {
                await prepare(profile, cancellationToken).ConfigureAwait(false);
            }

            _node = await WotIdNode.StartAsync(profile, NodeOptionsFor(_options, _loggers), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            profile.Dispose();
            throw;
        }

        try
        {
            if (_options.ControlApi)
            {
                var control = new ControlApiOptions { UseTcp = _options.ControlApiTcp, LoggerFactory = _loggers };
                _control = await ControlApiServer.StartAsync(_node, _options.Home, control, cancellationToken).ConfigureAwait(false);
                LogControlApi(_logger, _control.BaseAddress);
            }
        }
        catch
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        _facade.Attach(_node);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _facade.Detach();
        if (_control is { } control)
        {
            _control = null;
            await control.DisposeAsync().ConfigureAwait(false);
        }

        if (_node is { } node)
        {
            _node = null;
            await node.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static ProfileOptions ProfileOptionsFor(WotIdNodeOptions options)
    {
        ProfileOptions basis = options.ProfileOverrides ?? new ProfileOptions();
        return new ProfileOptions
        {
            Time = basis.Time,
            CreateEmbeddedMailbox = options.CreateEmbeddedMailbox,
            MailboxDatabasePath = options.MailboxDatabasePath,
            ListenAddresses = options.ListenAddresses.Count > 0 ? options.ListenAddresses.ToList() : null,
            Kdf = basis.Kdf,
            PreKeys = basis.PreKeys,
        };
    }

    private static NodeOptions NodeOptionsFor(WotIdNodeOptions options, ILoggerFactory loggers) => new()
    {
        ListenAddresses = options.ListenAddresses.Count > 0 ? options.ListenAddresses.ToList() : null,
        StatusLists = options.StatusLists,
        DirectDeliveryTimeout = options.DirectDeliveryTimeout,
        MailboxPollInterval = options.MailboxPollInterval,
        OutboxRetryInterval = options.OutboxRetryInterval,
        Time = options.ProfileOverrides?.Time,
        LoggerFactory = loggers,
    };

    private async Task<string> ReadPassphraseAsync(CancellationToken cancellationToken)
    {
        string? passphrase = _options.PassphraseProvider is { } provider
            ? await provider(cancellationToken).ConfigureAwait(false)
            : !string.IsNullOrEmpty(_options.Passphrase)
                ? _options.Passphrase
                : _options.PassphraseEnvironmentVariable is { Length: > 0 } variable ? Environment.GetEnvironmentVariable(variable) : null;
        return string.IsNullOrEmpty(passphrase)
            ? throw new ProfileException(ProfileError.InvalidInput, "the passphrase source gave no passphrase")
            : passphrase;
    }

    [LoggerMessage(EventId = 801, Level = LogLevel.Information, Message = "Profile {Name} {Action} in {Home}")]
    private static partial void LogProfile(ILogger logger, string action, string name, string home);

    [LoggerMessage(EventId = 802, Level = LogLevel.Information, Message = "Control API at {Address}")]
    private static partial void LogControlApi(ILogger logger, Uri address);
}
