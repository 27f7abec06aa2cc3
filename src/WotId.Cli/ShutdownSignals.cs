// Which signal stopped a long-running verb (`run`, `issuer serve`, `chat`). Ctrl+C (SIGINT) is an interruption
// (exit 130, ExitCodes.Interrupted); SIGTERM is the ordinary way a service manager stops a server, so those verbs end
// with 0 after a clean shutdown. Program.Main turns both signals into one cancellation and records SIGTERM here.
using System.Threading;

namespace WotId.Cli;

/// <summary>Records whether SIGTERM (rather than Ctrl+C) asked the process to stop.</summary>
internal static class ShutdownSignals
{
    private static int s_terminated;

    /// <summary>True once SIGTERM was received.</summary>
    public static bool Terminated => Volatile.Read(ref s_terminated) == 1;

    /// <summary>The exit code of a server verb that stopped because it was asked to: 0 after SIGTERM, 130 after Ctrl+C.</summary>
    public static int StoppedExitCode => Terminated ? ExitCodes.Ok : ExitCodes.Interrupted;

    /// <summary>Called by the SIGTERM handler.</summary>
    public static void MarkTerminated() => Interlocked.Exchange(ref s_terminated, 1);
}
