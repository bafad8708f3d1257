using System.CommandLine;
using Harness.Baselines;
using Harness.Claims;
using Harness.Grid;
using Harness.Reproduction;

namespace Harness.Cli;

/// <summary>
/// <c>harness register --claim ID --verdict V</c>: pre-registers a claim's verdict, recorded before any run of its
/// configurations exists. Refused when the experiment's baselines already hold a result of them: a verdict recorded then
/// could have been read off the data, and is a snapshot (<c>reproduce --register</c>), not a prediction. Unless the user says
/// so with <c>--post-hoc</c>: a claim stated after its data were seen (a new reading of a sentence, suggested by the runs)
/// is registered as post hoc, after the experiment's seeds, so only the seeds that come after it (<c>reproduce --decide</c>'s
/// later looks) can fail it.
/// </summary>
internal static class RegisterCommand
{
    /// <summary>Enough to see which results they are; a whole grid's baselines would bury the message.</summary>
    private const int Listed = 10;

    public static Command Create()
    {
        var experiment = CommonOptions.Experiment();
        var claim = new Option<string>("--claim")
        {
            Description = "the id of the claim to pre-register, as in the experiment's claims.json", HelpName = "ID", Required = true,
        };
        var verdicts = string.Join('|', Enum.GetValues<ClaimVerdict>().Select(RegistrationJson.Text));
        var verdict =
            TypedOption.Create<ClaimVerdict>("--verdict", "the verdict the claim is expected to get",
                verdicts.Replace("|", ", ", StringComparison.Ordinal),
            (string text, out ClaimVerdict value) => Enum.TryParse(text, ignoreCase: true, out value)
                && !int.TryParse(text, out _), verdicts);
        verdict.Required = true;
        var postHoc = new Option<bool>("--post-hoc")
        {
            Description = "the claim was stated after its configurations had run: record the verdict as post hoc, after the " +
                          "experiment's seeds, so only later seeds (reproduce --decide) can fail it",
        };
        var baselines = CommonOptions.Baselines();
        var command = new Command("register", "Pre-register a claim's verdict, before any run of its configurations exists " +
                                              "(or, with --post-hoc, after them).")
        {
            experiment, claim, verdict, postHoc, baselines,
        };
        command.SetAction(parsed =>
            Execute(parsed.GetValue(experiment)!, parsed.GetValue(claim)!, parsed.GetValue(verdict), parsed.GetValue(baselines),
            parsed.InvocationConfiguration.Output, parsed.GetValue(postHoc)));
        return command;
    }

    public static int Execute(string experiment, string claimId, ClaimVerdict verdict, string? baselines, TextWriter output,
        bool postHoc = false)
    {
        var folder = ExperimentFolder.Open(experiment, baselines: baselines);
        var claim = folder.Claims.All.FirstOrDefault(c => c.Id == claimId)
            ?? throw new UsageException($"error: {folder.Claims.Path} has no claim '{claimId}'; its claims: " +
                $"{string.Join(", ", folder.Claims.All.Select(c => c.Id))}");
        var runs = claim.Runs(ExperimentGrid.Runs(folder.Experiment));
        var found = folder.Baselines(BaselinePolicy.FromEnvironment()).ResultsOf(runs);
        if (postHoc && found.Count == 0)
            throw new UsageException($"error: --post-hoc: no result of claim '{claim.Id}''s configurations exists yet, so nothing " +
                                     "could have been seen; pre-register it without --post-hoc");
        if (found.Count > 0 && !postHoc)
            throw new UsageException($"error: cannot pre-register claim '{claim.Id}': {found.Count} result file(s) of its " +
                                     "configurations already exist, so its verdict could be read off " +
                                     $"them:\n{string.Join("\n", found.Take(Listed).Select(f => "  " + f))}\n" +
                                     (found.Count > Listed ? $"  … and {found.Count - Listed} more\n" : "") +
                                     "Record what the data says as a regression snapshot instead (harness reproduce --register), " +
                                     "or, for a claim stated after seeing them, register it with --post-hoc.");

        var path = folder.Files.ClaimsSource;
        var (date, commit) = RegistrationStamp.For(path, [claim]);
        // The experiment's own seeds are what its baselines hold, and so what could have been seen.
        var registration = postHoc ? Registration.PostHoc(verdict, date, commit, runs.Max(r => r.Seed))
            : Registration.Preregistered(verdict, date, commit);
        RegistrationWriter.Write(path, new Dictionary<string, Registration> { [claim.Id] = registration });
        output.WriteLine($"Claim '{claim.Id}': {verdict}, {registration.Provenance}; recorded in {path}. " +
                         (postHoc ? $"Commit it before any seed after {registration.LastSeed} is looked at."
                             : "Commit it before anything runs."));
        return ExitCodes.Done;
    }
}
