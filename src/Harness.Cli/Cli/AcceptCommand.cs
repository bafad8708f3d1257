using System.CommandLine;
using Harness.Baselines;
using Harness.Reproduction;

namespace Harness.Cli;

/// <summary>
/// <c>harness accept [--experiment X] [--run ID]</c>: promotes received baselines to verified, by rename. The deliberate
/// step after an intended change; refused on CI (<c>CI=true</c>), where nothing is ever accepted.
/// </summary>
internal static class AcceptCommand
{
    public static Command Create()
    {
        var experiment = CommonOptions.Experiment();
        var run =
            new Option<string?>("--run") { Description = "accept only this run id [default: every received baseline]", HelpName = "ID" };
        // A run id names a file in the baselines folder; a path would rename a file somewhere else.
        run.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !BaselineFolder.IsName(t.Value)))
                result.AddError(TypedOption.Error("--run", "a run id (letters, digits, '-', '_', '.'; no folders)", token.Value));
        });
        var baselines = CommonOptions.Baselines();
        var command =
            new Command("accept", "Promote received baselines to verified, after an intended change.") { experiment, run, baselines };
        command.SetAction(parsed => Execute(parsed.GetValue(experiment)!, parsed.GetValue(run), parsed.GetValue(baselines),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    public static int Execute(string experiment, string? run, string? baselines, TextWriter output, TextWriter error)
    {
        var opened = ExperimentFolder.Open(experiment, baselines: baselines);
        var folder = opened.Baselines(BaselinePolicy.FromEnvironment());
        if (folder.Policy.IsCi)
        {
            error.WriteLine("error: CI=true: baselines are never accepted on CI. Accept locally and commit the verified files.");
            return ExitCodes.Usage;
        }
        if (folder.IsReadOnly)
        {
            error.WriteLine($"error: {opened.Files.NeverWritten}. Its received files " +
                            $"are in {folder.ReceivedDirectory}.");
            return ExitCodes.Usage;
        }
        var accepted = folder.Accept(run);
        foreach (var path in accepted) output.WriteLine($"accepted {path}");
        output.WriteLine(accepted.Count == 0 ? $"nothing to accept in {folder.Directory}"
            : $"{accepted.Count} baseline(s) accepted; review and commit them.");
        return ExitCodes.Done;
    }
}
