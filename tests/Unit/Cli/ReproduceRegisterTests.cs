using System.Text.Json;
using Harness.Claims;
using Harness.Report;
using Harness.Reproduction;
using Harness.Tests.Unit.Reproduction;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// <c>harness reproduce --register</c> end to end in child processes, on an experiment folder in a temporary git
/// repository: every evaluated verdict becomes a snapshot of the run, recorded with its seeds, profile, date and commit.
/// </summary>
public sealed class ReproduceRegisterTests
{
    [Test]
    public void Register_records_each_evaluated_verdict_as_a_snapshot_and_keeps_pre_registrations()
    {
        const string claim = """
            { "id": "ID", "statement": "a higher learning rate ends with a lower training loss", "metric": "final_loss", "test": "probability",
              "direction": "less", "paired": true, "parts": [ { "a": { "width": 8, "learningRate": 0.1 }, "b": { "width": 8, "learningRate": 0.01 } } ],
              "expected": { "verdict": "VERDICT", "kind": "KIND", SEEDS"date": "2026-01-02", "commit": "abcdef1" }, "reason": "r" }
            """;
        string Claim(string id, string kind) => claim.Replace("ID", id).Replace("VERDICT", "refuted").Replace("KIND", kind)
            .Replace("SEEDS", kind == "snapshot" ? "\"seeds\": 5, \"profile\": \"native\", " : "");
        using var outside =
            new OutsideExperiment(claimsJson: $$"""{ "claims": [ {{Claim("snap", "snapshot")}}, {{Claim("pre", "preregistered")}} ] }""");
        var claimsPath = Path.Combine(outside.Folder, "claims.json");
        var before = File.ReadAllText(claimsPath);

        var noGit = outside.Reproduce(options: ["--register", "--seeds", "6"]);
        Assert.That(noGit.ExitCode, Is.EqualTo(2), noGit.Output);
        Assert.That(noGit.Output, Does.Contain($"error: cannot register verdicts in {claimsPath}: 'git rev-parse --short HEAD'"));
        Assert.That(Directory.Exists(outside.Out), Is.False, "refused before anything trained");

        var commit = GitRepository.Init(outside.Folder);
        var (_, output) = outside.Reproduce(options: ["--register", "--seeds", "6"]);

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outside.Out, "lr-sweep", ClaimsJson.FileName)));
        var measured = report.RootElement.GetProperty("claims").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("verdict").GetString()!);
        Assert.That(output,
            Does.Contain($"Registered 1 verdict(s) in {claimsPath} as snapshots of this run:")
                .And.Contain("  pre: kept Refuted, pre-registered 2026-01-02"));
        var claims = ExperimentFolder.Open(outside.Folder).Claims.All;
        Assert.That(claims[0].Registration, Is.EqualTo(Registration.Snapshot(Enum.Parse<ClaimVerdict>(measured["snap"]), 6, "portable",
            DateOnly.FromDateTime(DateTime.UtcNow), commit)), output);
        Assert.That(claims[1].Registration,
            Is.EqualTo(Registration.Preregistered(ClaimVerdict.Refuted, new DateOnly(2026, 1, 2), "abcdef1") with { Inference = null }),
            "a pre-registration is the prediction the run tests: kept");
        Assert.That(File.ReadAllText(claimsPath), Is.Not.EqualTo(before));
    }
}
