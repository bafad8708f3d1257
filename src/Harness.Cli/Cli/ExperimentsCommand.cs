using System.CommandLine;
using System.Globalization;
using Harness.Config;
using Harness.Grid;
using Harness.Reproduction;

namespace Harness.Cli;

/// <summary>
/// <c>harness experiments</c>: every experiment a name opens — shipped with the program, then those in the folders
/// <c>HARNESS_EXPERIMENTS</c> lists (<see cref="ExperimentCatalog"/>) — each with its title, runs and seeds, where its
/// baselines are, the source and the source's claims with their registered verdicts. An experiment that does not load is
/// listed with its errors, and the exit code is then 2.
/// </summary>
internal static class ExperimentsCommand
{
    public static Command Create()
    {
        var command = new Command("experiments",
            $"List the experiments a name opens: those shipped with the program, then those in ${ExperimentCatalog.Variable}.");
        command.SetAction(parsed => Execute(parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    public static int Execute(TextWriter output, TextWriter error)
    {
        var failed = false;
        var shipped = ExperimentCatalog.Shipped();
        output.WriteLine($"Shipped with this program ({ExperimentFiles.ShippedExperiments}):");
        foreach (var entry in shipped) failed |= !Describe(entry, output, error);
        IReadOnlyList<ExperimentCatalog.Entry> added;
        try
        {
            added = ExperimentCatalog.FromEnvironment();
        }
        catch (ConfigurationException e)
        {
            foreach (var line in e.Errors) error.WriteLine($"error: {line}");
            return ExitCodes.Usage;
        }
        output.WriteLine();
        if (added.Count == 0)
            output.WriteLine($"{ExperimentCatalog.Variable} is not set: set it to folders of experiments (separated by " +
                             $"'{Path.PathSeparator}') to open them by name.");
        foreach (var origin in added.GroupBy(e => e.Origin))
        {
            output.WriteLine($"From {ExperimentCatalog.Variable}: {origin.Key}");
            foreach (var entry in origin)
            {
                var shadow = shipped.Concat(added).First(e => e.Name == entry.Name);
                if (!ReferenceEquals(shadow, entry))
                    output.WriteLine($"  {entry.Name}: not opened by name, the one " +
                                     $"{(shadow.Shipped ? "shipped" : $"in {shadow.Origin}")} " +
                                     $"comes first; open it by path, {Path.GetDirectoryName(entry.DefinitionPath)}");
                else failed |= !Describe(entry, output, error);
            }
        }
        return failed ? ExitCodes.Usage : ExitCodes.Done;
    }

    /// <summary>One experiment's lines; false (and its errors written) when it does not load.</summary>
    private static bool Describe(ExperimentCatalog.Entry entry, TextWriter output, TextWriter error)
    {
        ExperimentFolder folder;
        try
        {
            folder = ExperimentFolder.Open(entry.DefinitionPath);
        }
        catch (ConfigurationException e)
        {
            output.WriteLine($"  {entry.Name}: does not load ({e.Errors.Count} error(s) below)");
            foreach (var line in e.Errors) error.WriteLine($"error: {line}");
            return false;
        }
        var experiment = folder.Experiment;
        output.WriteLine($"  {entry.Name}: {experiment.Title}");
        var seeds = experiment.Grids.Select(g => g.SeedCount).Distinct().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {ExperimentGrid.Runs(experiment).Count} runs: {ExperimentGrid.Configurations(experiment).Count} configuration(s) × " +
            $"{string.Join(" or ", seeds)} seed(s), in {experiment.Grids.Count} grid(s) " +
            $"({string.Join(", ", experiment.Grids.Select(g => g.Name))}); numerics {experiment.Numerics.Name}" +
            $"{(experiment.Explicit is null ? "" : "; tests explicit: " + experiment.Explicit)}"));
        output.WriteLine($"    baselines: {Baselines(folder)}");
        output.WriteLine($"    source: {(experiment.Source.Length > 0 ? experiment.Source : "(not given)")}");
        foreach (var claim in folder.Claims.All)
            output.WriteLine($"    claim: \"{claim.Tutorial}\" ({claim.Id}: registered {claim.Registration.Verdict})");
        if (folder.Claims.All.Count == 0) output.WriteLine("    claims: none (no claims.json)");
        return true;
    }

    private static string Baselines(ExperimentFolder folder)
    {
        try
        {
            var baselines = folder.Baselines(Harness.Baselines.BaselinePolicy.From(ci: null, accept: null));
            var count = baselines.VerifiedRunIds().Count;
            return $"{count} run(s) verified in {baselines.Directory}" +
                (baselines.IsReadOnly ? " (the copy shipped with this program)" : "");
        }
        catch (DirectoryNotFoundException e)
        {
            return $"none found: {e.Message}";
        }
    }
}
