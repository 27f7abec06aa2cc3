// Runs an oracle script of interop/mailbox (@iota/iota-sdk 1.15.1, offline) once per test run and caches its JSON:
// ptb-public.mjs (general transactions) and vectors.mjs (the mailbox's transaction shapes).
using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Testing;

namespace WotId.Mailbox.PublicApi.Tests;

internal static class PublicApiOracle
{
    public const string Script = "mailbox/ptb-public.mjs";
    public const string MailboxScript = "mailbox/vectors.mjs";
    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static readonly Dictionary<string, JsonElement> s_cached = new(StringComparer.Ordinal);

    public static async Task<JsonElement> GetAsync(string script = Script)
    {
        NodeProcess.RequireInstalled();
        await s_gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!s_cached.TryGetValue(script, out JsonElement json))
            {
                string output = await NodeProcess.RunAsync(script, string.Empty, TimeSpan.FromSeconds(120));
                json = JsonDocument.Parse(output).RootElement.Clone();
                s_cached[script] = json;
            }

            return json;
        }
        finally
        {
            s_gate.Release();
        }
    }
}
