using System.Text.RegularExpressions;

namespace Harness.Tests.Unit.Ci;

/// <summary>
/// The GitHub workflow runs every check: a job that runs the unfiltered test suite (which holds the provenance tests,
/// ShippedRegistrationTests) checks out the whole history, since a shallow clone cannot look up the commits registrations
/// name and on CI such a test fails rather than skips (NotRun).
/// </summary>
public sealed partial class WorkflowTests
{
    private static readonly string Root = Harness.Config.ExperimentFiles.Repository.Root();

    [Test]
    public void Every_job_that_runs_the_whole_suite_checks_out_the_whole_history()
    {
        var workflow = File.ReadAllText(Path.Combine(Root, ".github", "workflows", "ci.yml"));
        var jobs = Job().Matches(workflow).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var whole = jobs.Where(j => WholeSuite().IsMatch(j.Value)).ToList();

        Assert.That(whole.Select(j => j.Key), Is.Not.Empty, "some job runs ci/test.sh without a filter");
        foreach (var (name, body) in whole)
            Assert.That(body, Does.Match(@"uses: actions/checkout@v\d+\s+with:\s+fetch-depth: 0\b"),
                $"job {name} runs the whole suite, so its checkout needs fetch-depth: 0");
    }

    /// <summary>Each job under <c>jobs:</c>: its name and its lines, up to the next job.</summary>
    [GeneratedRegex(@"^  ([\w-]+):\n((?:(?:    .*)?\n)+)", RegexOptions.Multiline)]
    private static partial Regex Job();

    [GeneratedRegex(@"run: bash ci/test\.sh\s*\n")]
    private static partial Regex WholeSuite();

    /// <summary>The GitHub workflow checks what .ci/run checks: a script added to one and not the other is a check that
    /// runs in one CI and silently not in the other.</summary>
    [Test]
    public void The_workflow_runs_every_script_that_ci_run_runs()
    {
        var workflow = File.ReadAllText(Path.Combine(Root, ".github", "workflows", "ci.yml"));
        var scripts = Script().Matches(File.ReadAllText(Path.Combine(Root, ".ci", "run"))).Select(m => m.Groups[1].Value).ToList();

        Assert.That(scripts, Does.Contain("ci/test.sh"), ".ci/run runs the README's test command");
        Assert.That(scripts.Where(s => !Regex.IsMatch(workflow, $@"\bbash {Regex.Escape(s)}\b")), Is.Empty,
            "scripts .ci/run runs that .github/workflows/ci.yml does not");
    }

    [GeneratedRegex(@"^bash (ci/[\w.-]+\.sh)\s*$", RegexOptions.Multiline)]
    private static partial Regex Script();
}
