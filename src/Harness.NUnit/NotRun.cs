using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Harness.Baselines;
using NUnit.Framework;

namespace Harness.NUnit;

/// <summary>
/// A test that cannot check what it exists to check here (a tool missing, a shallow clone, too few seeds): on a developer's
/// machine it is reported as not run (Inconclusive, shown as skipped), with why and what would let it run; on CI
/// (<c>CI=true</c>, as the harness reads it) it fails, naming the fix, since a check CI skips is a check nobody runs. Never a
/// pass. Every test of Harness.NUnit that can skip itself goes through here, and so do the repository's own (docs/testing.md, "Tests that
/// can report not run" lists them).
/// </summary>
public static class NotRun
{
    public static bool OnCi => BaselinePolicy.FromEnvironment().IsCi;

    /// <param name="reason">What is missing, e.g. "qemu-user is not installed, so no other CPU can be emulated".</param>
    /// <param name="fix">What makes the check run, e.g. "install it (apt-get install qemu-user; .ci/run does)".</param>
    [DoesNotReturn]
    public static void Because(string reason, string fix)
    {
        if (OnCi) Assert.Fail($"Not run on CI, where every check must run: {reason}. Fix: {fix}.");
        Assert.Inconclusive($"Not run: {reason}. To run it: {fix}.");
        throw new UnreachableException();
    }
}
