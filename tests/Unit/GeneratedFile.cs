using System.Text;
using Harness.Baselines;

namespace Harness.Tests.Unit;

/// <summary>
/// A file generated from the code and committed where readers look for it (docs/cli.md), checked the way
/// <see cref="Snapshot"/> checks its files: when the code renders something else, <c>&lt;name&gt;.received&lt;ext&gt;</c> is
/// written beside it and the test fails, naming the first line that differs; accept by renaming received over the committed
/// file. With <c>HARNESS_ACCEPT=1</c> (never on CI, as for baselines) the committed file is rewritten instead.
/// </summary>
internal static class GeneratedFile
{
    /// <param name="accept">Rewrite the committed file rather than fail; null: as <c>HARNESS_ACCEPT</c> and <c>CI</c> say.</param>
    public static void Verify(string path, string rendered, string regenerate, bool? accept = null)
    {
        var received = Path.Combine(Path.GetDirectoryName(path)!,
            $"{Path.GetFileNameWithoutExtension(path)}.received{Path.GetExtension(path)}");
        var difference = File.Exists(path) ? Difference(File.ReadAllText(path), rendered) : "it does not exist yet";
        if (difference is null || (accept ?? BaselinePolicy.FromEnvironment().Accept))
        {
            if (difference is not null) File.WriteAllText(path, rendered, new UTF8Encoding(false));
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, rendered, new UTF8Encoding(false));
        Assert.Fail($"{path} is not what the code renders: {difference}. It is generated; wrote {received}. If the change is " +
                    $"intended, rename received over it, or regenerate it: {regenerate}. Then commit it.");
    }

    /// <summary>The first line where <paramref name="rendered"/> differs from <paramref name="committed"/>, or null if none.</summary>
    public static string? Difference(string committed, string rendered)
    {
        var (was, now) = (committed.Split('\n'), rendered.Split('\n'));
        for (var i = 0; i < Math.Max(was.Length, now.Length); i++)
        {
            var (a, b) = (i < was.Length ? was[i] : null, i < now.Length ? now[i] : null);
            if (a != b) return $"line {i + 1} is {Quoted(a)} there, {Quoted(b)} in the code";
        }
        return null;
    }

    private static string Quoted(string? line) => line is null ? "past the end" : $"'{line}'";
}
