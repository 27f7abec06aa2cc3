namespace WotId.Cli.Tests.Identity;

/// <summary>Tests that set the process-wide <c>WOTID_PASSPHRASE</c> run one at a time.</summary>
[CollectionDefinition(nameof(PassphraseEnvironment), DisableParallelization = true)]
public sealed class PassphraseEnvironment
{
}
