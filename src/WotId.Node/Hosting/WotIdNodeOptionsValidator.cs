// Checks WotIdNodeOptions when the host starts (ValidateOnStart), so a misconfigured app fails before anything is
// opened, with every problem listed at once.
using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;
using WotId.Libp2p.Multiaddr;

namespace WotId.Node.Hosting;

/// <summary>Validates <see cref="WotIdNodeOptions"/>.</summary>
internal sealed class WotIdNodeOptionsValidator : IValidateOptions<WotIdNodeOptions>
{
    /// <summary>At most this many listen addresses (as a profile records).</summary>
    internal const int MaxListenAddresses = 8;

    public ValidateOptionsResult Validate(string? name, WotIdNodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Home))
        {
            failures.Add("Home must name the profile directory");
        }

        if (options.CreateProfileName is { } profileName
            && (profileName.Length is 0 or > Profile.Profile.MaxNameLength || profileName.Any(char.IsControl)))
        {
            failures.Add($"CreateProfileName must be 1..{Profile.Profile.MaxNameLength} characters without control characters");
        }

        if (options.PassphraseProvider is null && string.IsNullOrEmpty(options.Passphrase))
        {
            string? variable = options.PassphraseEnvironmentVariable;
            if (string.IsNullOrEmpty(variable))
            {
                failures.Add("no passphrase source: set PassphraseProvider, Passphrase or PassphraseEnvironmentVariable");
            }
            else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
            {
                failures.Add($"the passphrase variable {variable} is not set");
            }
        }

        if (options.ListenAddresses.Count > MaxListenAddresses)
        {
            failures.Add($"at most {MaxListenAddresses} listen addresses");
        }

        failures.AddRange(options.ListenAddresses
            .Where(a => !Multiaddress.TryParse(a, out _))
            .Select(a => $"listen address '{a}' is not a multiaddr"));
        failures.AddRange(options.TrustedIssuers
            .Where(d => string.IsNullOrEmpty(d) || !d.StartsWith("did:", StringComparison.Ordinal))
            .Select(d => $"trusted issuer '{d}' is not a DID"));
        if (options.ControlApiTcp && !options.ControlApi)
        {
            failures.Add("ControlApiTcp needs ControlApi");
        }

        AddIfNotPositive(failures, nameof(options.DirectDeliveryTimeout), options.DirectDeliveryTimeout);
        AddIfNotPositive(failures, nameof(options.MailboxPollInterval), options.MailboxPollInterval);
        AddIfNotPositive(failures, nameof(options.OutboxRetryInterval), options.OutboxRetryInterval);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddIfNotPositive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name} must be positive");
        }
    }
}
