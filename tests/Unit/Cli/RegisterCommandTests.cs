using Harness.Claims;
using Harness.Cli;
using Harness.Grid;
using Harness.Reproduction;
using Harness.Tests.Unit.Reproduction;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// <c>harness register</c> in-process on an experiment folder in a temporary git repository: a pre-registration is only
/// recorded while no result of the claim's configurations exists. Nothing here trains.
/// </summary>
public sealed class RegisterCommandTests
{
    private const string Claim = "higher-lr-trains-faster";

    private static (int ExitCode, string Output, string Error) Register(OutsideExperiment outside, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CommandLine.Execute(["register", "--experiment", outside.Folder, .. args], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Test]
    public void Records_a_pre_registration_with_its_date_and_commit_when_no_result_exists()
    {
        using var outside = new OutsideExperiment();
        var commit = GitRepository.Init(outside.Folder);

        var (exitCode, output, error) = Register(outside, "--claim", Claim, "--verdict", "refuted");

        Assert.That(exitCode, Is.Zero, error);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var expected = Registration.Preregistered(ClaimVerdict.Refuted, today, commit);
        Assert.That(output,
            Does.Contain($"Claim '{Claim}': Refuted, pre-registered {expected.DateText} (commit {commit}), before any run"));
        Assert.That(ExperimentFolder.Open(outside.Folder).Claims.All.Single().Registration, Is.EqualTo(expected));
        Assert.That(File.ReadAllText(Path.Combine(outside.Folder, "claims.json")), Does.Contain($$"""
                  "expected": {
                    "verdict": "refuted",
                    "kind": "preregistered",
                    "date": "{{expected.DateText}}",
                    "commit": "{{commit}}",
                    "inference": "exact-3"
                  },
                  "reason": "on 2x2 synthetic images
            """.ReplaceLineEndings("\n")), "written in place of the old registration, before the reason");
    }

    [Test]
    public void Refuses_when_a_baseline_of_the_claims_configurations_exists_and_names_it()
    {
        using var outside = new OutsideExperiment();
        GitRepository.Init(outside.Folder);
        var baselines = Path.Combine(outside.Folder, "baselines");
        Directory.CreateDirectory(baselines);
        var runs = ExperimentGrid.Runs(ExperimentFolder.Open(outside.Folder).Experiment);
        string BaselineFile(int width, double learningRate, int seed, string suffix) =>
            Path.Combine(baselines, runs.Single(r => r.Width == width && r.LearningRate == learningRate && r.Seed == seed).RunId + suffix);
        var other = BaselineFile(4, 0.1, 1, ".verified.json");
        File.WriteAllText(other, "{}");

        Assert.That(Register(outside, "--claim", Claim, "--verdict", "supported").ExitCode, Is.Zero,
            "a baseline of width 4, which the claim (width 8) does not compare, reveals nothing of its verdict");

        var registered = File.ReadAllText(Path.Combine(outside.Folder, "claims.json"));
        var own = BaselineFile(8, 0.01, 3, ".received.json");
        File.WriteAllText(own, "{}");
        var (exitCode, output, error) = Register(outside, "--claim", Claim, "--verdict", "supported");

        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(error,
            Does.StartWith($"error: cannot pre-register claim '{Claim}': 1 result file(s) of its configurations already exist")
            .And.Contain("  " + own).And.Not.Contain(other).And.Contain("harness reproduce --register"));
        Assert.That(File.ReadAllText(Path.Combine(outside.Folder, "claims.json")), Is.EqualTo(registered), "refused: nothing written");
    }

    /// <summary>A claim stated after its data were seen is registered, but as post hoc: after the experiment's seeds, so only
    /// later seeds can fail it. Without any result there is nothing it could be post hoc to.</summary>
    [Test]
    public void With_post_hoc_records_a_registration_after_the_experiments_seeds_and_says_so()
    {
        using var outside = new OutsideExperiment();
        var commit = GitRepository.Init(outside.Folder);
        var (refusedCode, _, refused) = Register(outside, "--claim", Claim, "--verdict", "supported", "--post-hoc");
        Assert.That(refusedCode, Is.EqualTo(2));
        Assert.That(refused, Does.StartWith($"error: --post-hoc: no result of claim '{Claim}''s configurations exists yet"));

        var baselines = Path.Combine(outside.Folder, "baselines");
        Directory.CreateDirectory(baselines);
        var runs = ExperimentGrid.Runs(ExperimentFolder.Open(outside.Folder).Experiment);
        var seen = runs.First(r => r.Width == 8 && r.LearningRate == 0.01);
        File.WriteAllText(Path.Combine(baselines, seen.RunId + ".verified.json"), "{}");

        var (exitCode, output, error) = Register(outside, "--claim", Claim, "--verdict", "supported", "--post-hoc");

        Assert.That(exitCode, Is.Zero, error);
        var lastSeed = runs.Where(r => r.Width == 8).Max(r => r.Seed);
        var expected = Registration.PostHoc(ClaimVerdict.Supported, DateOnly.FromDateTime(DateTime.UtcNow), commit, lastSeed);
        Assert.That(output, Does.Contain($"Claim '{Claim}': Supported, registered post hoc {expected.DateText} (commit {commit}) " +
                                         $"after seeds 1–{lastSeed} had run, so only later seeds can fail it"));
        Assert.That(ExperimentFolder.Open(outside.Folder).Claims.All.Single().Registration, Is.EqualTo(expected));
        Assert.That(File.ReadAllText(Path.Combine(outside.Folder, "claims.json")),
            Does.Contain("\"kind\": \"post hoc\",").And.Contain($"\"lastSeed\": {lastSeed},"));
    }

    [Test]
    public void Unknown_claims_bad_verdicts_and_a_folder_outside_git_are_usage_errors()
    {
        using var outside = new OutsideExperiment();

        var unknown = Register(outside, "--claim", "nope", "--verdict", "supported");
        Assert.That((unknown.ExitCode, unknown.Error),
            Is.EqualTo((2, $"error: {Path.Combine(outside.Folder, "claims.json")} has no claim 'nope'; its claims: {Claim}\n")));

        var badVerdict = Register(outside, "--claim", Claim, "--verdict", "true");
        Assert.That(badVerdict.ExitCode, Is.EqualTo(2));
        Assert.That(badVerdict.Error, Does.StartWith("error: --verdict: expected supported, refuted, inconclusive"));

        var noGit = Register(outside, "--claim", Claim, "--verdict", "supported");
        Assert.That(noGit.ExitCode, Is.EqualTo(2), noGit.Output);
        Assert.That(noGit.Error,
            Does.StartWith($"error: cannot register verdicts in {Path.Combine(outside.Folder, "claims.json")}: " +
                "'git rev-parse --short HEAD'"));
    }
}
