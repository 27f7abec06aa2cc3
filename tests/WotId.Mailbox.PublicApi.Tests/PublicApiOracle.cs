// Runs interop/mailbox/ptb-public.mjs (@iota/iota-sdk 1.15.1, offline) once per test run and caches its JSON.
using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Testing;

namespace WotId.Mailbox.PublicApi.Tests;

internal static class PublicApiOracle
{
    public const string Script = "mailbox/ptb-public.mjs";
    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static JsonElement? s_cached;

    public static async Task<JsonElement> GetAsync()
    {
        NodeProcess.RequireInstalled();
        await s_gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (s_cached is null)
            {
                string json = await NodeProcess.RunAsync(Script, string.Empty, TimeSpan.FromSeconds(120));
                s_cached = JsonDocument.Parse(json).RootElement.Clone();
            }

            return s_cached.Value;
        }
        finally
        {
            s_gate.Release();
        }
    }
}
