// This project is the proof that the transaction layer is usable from outside: it must not be a friend assembly.
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using WotId.Mailbox.Transactions;

namespace WotId.Mailbox.PublicApi.Tests;

public sealed class PublicSurfaceTests
{
    [Fact]
    public void TheMailboxAssemblyDoesNotShareItsInternalsWithThisProject()
    {
        Assembly mailbox = typeof(ProgrammableTransactionBuilder).Assembly;
        string me = typeof(PublicSurfaceTests).Assembly.GetName().Name!;
        string[] friends = mailbox.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToArray();

        Assert.NotEmpty(friends);
        Assert.DoesNotContain(me, friends);
    }
}
