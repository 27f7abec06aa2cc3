// `wotid demo`: the main job. Runs the whole story with embedded defaults in a temporary directory and exits 0 only
// when every step happened as described (DemoScenario).
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Commands.Demo;

/// <summary>The end-to-end demo.</summary>
internal sealed class DemoCommand : ICliCommand
{
    public string Name => "demo";

    public string Summary => "run the whole story on this machine: an issuer, Alice, Bob, Mallory (revoked) and Eve (untrusted issuer) as separate processes; exit 0 only if every step happened";

    public IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Value("--step-timeout", "SECONDS", "longest wait for any one step (default 60)"),
        CliSymbols.Flag("--keep", "keep the demo's profiles in the temporary directory (printed) instead of deleting them"),
    ];

    public bool UsesHome => false;

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        long seconds = arguments.GetInt64("step-timeout", 60);
        if (seconds is < 5 or > 3600)
        {
            throw new CliUsageException("--step-timeout must be 5..3600 seconds");
        }

        string root = Directory.CreateTempSubdirectory("wotid-demo-").FullName;
        var timeline = new DemoTimeline(context.Output, context.Json);
        try
        {
            var scenario = new DemoScenario(new DemoCast(root), timeline, TimeSpan.FromSeconds(seconds));
            await using (scenario.ConfigureAwait(false))
            {
                try
                {
                    await scenario.RunAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DemoStepException e)
                {
                    await timeline.FailAsync("demo", e.Message).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (arguments.Has("keep"))
            {
                await context.Error.WriteLineAsync("demo profiles kept in " + root).ConfigureAwait(false);
            }
            else
            {
                Directory.Delete(root, recursive: true);
            }
        }

        if (context.Json)
        {
            await context.Output.WriteLineAsync(timeline.ToJson().ToJsonString()).ConfigureAwait(false);
        }
        else
        {
            await context.Output.WriteLineAsync(timeline.Failures == 0 ? "demo: every step happened as described" : "demo: FAILED (see above)").ConfigureAwait(false);
        }

        return timeline.Failures == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
