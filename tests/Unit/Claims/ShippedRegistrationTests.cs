using System.Diagnostics;
using System.Text.Json.Nodes;
using Harness.Claims;
using Harness.IO;

namespace Harness.Tests.Unit.Claims;

/// <summary>
/// Every shipped registration says it was made by the program at a commit, under a set of tests: the commit must hold the
/// claim as it is defined today (else the registration is the verdict of some other claim), and the tests must be this
/// build's. Every declared band and plan must be what its own commit holds. Reads the repository's history, so it needs
/// the commits: a shallow clone cannot check provenance, and says so (<see cref="NotRun"/>: on CI it fails).
/// </summary>
public sealed class ShippedRegistrationTests
{
    private static readonly string Root = Harness.Config.ExperimentFiles.Repository.Root();

    public static IEnumerable<TestCaseData> ClaimsFiles() =>
        Directory.GetDirectories(Path.Combine(Root, "src", "Harness", "experiments")).Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, Harness.Config.ExperimentFiles.ClaimsFile)).Where(File.Exists)
            .Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetFileName(Path.GetDirectoryName(f))!));

    [TestCaseSource(nameof(ClaimsFiles))]
    public void Each_registration_s_commit_holds_the_claim_as_defined_now_and_its_tests_are_this_build_s(string path)
    {
        RequireHistory();
        var now = File.ReadAllText(path);
        var claims = Claims(now);
        Assert.That(claims, Is.Not.Empty);
        foreach (var claim in claims)
            foreach (var key in new[] { "expected", "decided" }.Where(k => claim[k] is not null))
            {
                var id = $"{claim["id"]}.{key}";
                var registration = claim[key]!;
                var commit = (string)registration["commit"]!;
                Assert.That(Inference.Agrees((string?)registration["inference"], (int?)registration["look"]), Is.True,
                    $"{id}: registered under {registration["inference"]}, tests that this build's ({Inference.Version}) do not agree with");
                var then = CommittedFile.At(path, commit, out var problem);
                Assert.That(then, Is.Not.Null, $"{id}: registered at {commit}, which does not hold {path}: {problem}");
                Assert.That(ClaimDefinitions.Differences(then!, now, (string)claim["id"]!), Is.Empty,
                    $"{id}: registered at {commit}, where the claim was defined otherwise");
            }
    }

    [TestCaseSource(nameof(ClaimsFiles))]
    public void Each_declared_band_and_plan_is_what_its_own_commit_holds(string path)
    {
        RequireHistory();
        var now = JsonNode.Parse(File.ReadAllText(path))!;
        var checkedAny = false;
        foreach (var claim in Claims(File.ReadAllText(path)).Where(c => c["negligible"] is JsonObject))
        {
            var band = (JsonObject)claim["negligible"]!;
            var then = At(path, band["declared"]!);
            var bandThen = Claims(then).Single(c => (string)c["id"]! == (string)claim["id"]!)["negligible"];
            Assert.That((double)(bandThen is JsonObject o ? o["band"]! : bandThen!), Is.EqualTo((double)band["band"]!),
                $"{claim["id"]}: the band its declaration's commit holds");
            checkedAny = true;
        }
        if (now["decide"] is JsonObject plan && plan["declared"] is { } declared)
        {
            var planThen = JsonNode.Parse(At(path, declared))!["decide"]!;
            foreach (var key in new[] { "maxSeeds", "stage", "spending" })
                Assert.That(JsonNode.DeepEquals(planThen[key], plan[key]), Is.True, $"decide:{key} at its declaration's commit");
            checkedAny = true;
        }
        if (!checkedAny) Assert.Pass($"{path} declares no band or plan with a record");
    }

    [Test]
    public void A_claim_defined_otherwise_at_the_commit_is_a_difference_but_its_registration_and_reason_are_not()
    {
        const string then = """
            { "alpha": 0.05, "claims": [ { "id": "c", "metric": "gap", "parts": [ { "name": "x" } ], "reason": "old" } ] }
            """;
        const string sameButRegistered = """
            { "alpha": 0.05, "claims": [ { "id": "c", "metric": "gap", "parts": [ { "name": "x" } ],
              "expected": { "verdict": "refuted" }, "reason": "new" } ] }
            """;
        const string otherPart = """{ "alpha": 0.05, "claims": [ { "id": "c", "metric": "gap", "parts": [ { "name": "y" } ] } ] }""";
        const string otherAlpha = """{ "alpha": 0.01, "claims": [ { "id": "c", "metric": "gap", "parts": [ { "name": "x" } ] } ] }""";

        Assert.That(ClaimDefinitions.Differences(then, sameButRegistered, "c"), Is.Empty);
        Assert.That(ClaimDefinitions.Differences(then, otherPart, "c"), Has.One.StartsWith("claims[c].parts:"));
        Assert.That(ClaimDefinitions.Differences(then, otherAlpha, "c"), Has.One.StartsWith("alpha:"));
        Assert.That(ClaimDefinitions.Differences(then, then, "missing"), Has.One.Contains("no claim 'missing' then"));
    }

    private static string At(string path, JsonNode declared)
    {
        var commit = (string)declared["commit"]!;
        return CommittedFile.At(path, commit, out var problem)
            ?? throw new AssertionException($"declared at {commit}, which does not hold {path}: {problem}");
    }

    private static List<JsonObject> Claims(string json) =>
        [.. ((JsonArray)JsonNode.Parse(json,
                documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!["claims"]!)
            .OfType<JsonObject>()];

    private static void RequireHistory()
    {
        var start = new ProcessStartInfo("git", ["-C", Root, "rev-parse", "--is-shallow-repository"]) { RedirectStandardOutput = true };
        using var git = Process.Start(start)!;
        var shallow = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        if (git.ExitCode != 0)
            NotRun.Because($"{Root} is not a git checkout, so the commits registrations name cannot be looked up",
                "test a git clone of the repository, with its history");
        if (shallow == "true")
            NotRun.Because("this is a shallow clone, which lacks the commits registrations name",
                "clone with history: on GitHub Actions, actions/checkout with fetch-depth: 0; elsewhere git fetch --unshallow " +
                "(ci/history.sh, which .ci/run calls, does)");
    }
}
