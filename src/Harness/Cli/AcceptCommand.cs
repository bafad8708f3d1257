using Harness.Baselines;
using Harness.Config;

namespace Harness.Cli;

/// <summary>
/// <c>harness accept [--experiment X] [--run ID]</c>: promotes received baselines to verified, by rename. The deliberate
/// step after an intended change; refused on CI (<c>CI=true</c>), where nothing is ever accepted.
/// </summary>
public static class AcceptCommand
{
    public static readonly string[] Options = ["experiment", "run", "baselines"];

    public static int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = new CommandOptions("accept", args, Options);
        var experiment = options.String("experiment", ExperimentLoader.DefaultExperiment)!;
        var run = options.String("run");
        var root = options.String("baselines");
        options.ThrowIfInvalid();

        var store = BaselineStore.ForExperiment(experiment, BaselinePolicy.FromEnvironment(), root);
        if (store.Policy.IsCi)
        {
            error.WriteLine("error: CI=true: baselines are never accepted on CI. Accept locally and commit the verified files.");
            return 2;
        }
        var accepted = store.Accept(run);
        foreach (var path in accepted) output.WriteLine($"accepted {path}");
        output.WriteLine(accepted.Count == 0 ? $"nothing to accept in {store.Directory}" : $"{accepted.Count} baseline(s) accepted; review and commit them.");
        return 0;
    }
}
