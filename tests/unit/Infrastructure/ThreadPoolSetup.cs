using System.Runtime.CompilerServices;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>
/// The suites run many tests at once on a 2-core machine; component tests wait synchronously (bunit's WaitFor*) while
/// services really wait for the database (PostgreSQL). The thread pool's default minimum (one thread per core) then
/// grows too slowly and a wait can time out before its check ever runs. Start with enough threads instead, and let
/// component waits last long enough for a database round trip on a busy machine.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
        // A component's save on PostgreSQL is a real round trip, and the machine is shared: give waits room. (A wait
        // that passes returns at once; only a failing one takes this long.)
        Bunit.BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }
}
