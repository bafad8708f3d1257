using Harness.Claims;
using Harness.Config;

namespace Harness.Tests.Unit.Claims;

public sealed class ClaimLoaderTests
{
    private static Experiment Tutorial => ExperimentLoader.Load(ExperimentLoader.DefaultExperiment);

    [Test]
    public void The_shipped_claims_load()
    {
        var claims = ClaimLoader.Load(Tutorial);
        Assert.That(claims.All.Select(c => c.Id), Is.SupersetOf(new[]
        {
            "deeper-overfits-at-n1000", "deeper-lower-val-acc-at-n1000", "more-samples-alleviate",
            "dropout-reduces-val-loss-variance", "dropout-reduces-val-loss-spread", "dropout-reduces-overfitting",
        }));
        Assert.That(claims.All, Has.All.Matches<Claim>(c => c!.Reason.Length > 20), "every registered verdict carries its reason");
        Assert.That(claims.All.Select(c => c.Registration), Has.All.Matches<Registration>(r =>
            (r!.Kind == RegistrationKind.Snapshot && r.Seeds == 10 && r.Profile == "portable"
                || r.Kind == RegistrationKind.PostHoc && r.LastSeed == 10) && r.Commit.Length >= 7),
            "the shipped verdicts are snapshots of the grid's seeds, or post hoc after them: none claims to predate the data");
        Assert.That(claims.All.Single(c => c.Id == "dropout-reduces-val-loss-spread").Registration.Kind,
            Is.EqualTo(RegistrationKind.PostHoc), "stated after seeds 1–10 had been looked at");
        Assert.That(claims.All.Select(c => c.Reason), Has.None.Match(@"\[\s*-?\d|P = |rho"),
            "reasons quote no intervals, P values or correlations: those go stale");
    }

    [Test]
    public void Filters_are_checked_against_configurations_so_one_seed_per_grid_still_loads()
    {
        // What --set grids:N:seeds:count=1 gives: a quick look, whose claims are not evaluated rather than refused.
        var tutorial = Tutorial;
        var oneSeed = tutorial with { Grids = [.. tutorial.Grids.Select(g => g with { SeedCount = 1 })] };

        Assert.That(ClaimLoader.Load(oneSeed).All.Select(c => c.Id), Is.EqualTo(ClaimLoader.Load(tutorial).All.Select(c => c.Id)));
    }

    [Test]
    public void A_registration_says_what_it_is_and_where_it_came_from()
    {
        var claims = LoadClaims("""
            { "id": "snap", "expected": { "verdict": "refuted", "kind": "snapshot", "seeds": 10, "profile": "Native", "date": "2026-11-26", "commit": "d70bc6c", "inference": "exact-3" } },
            { "id": "pre", "expected": { "verdict": "Supported", "kind": "preregistered", "date": "2026-11-28", "commit": "0123456789abcdef0123456789abcdef01234567" } }
            """);

        Assert.That(claims.All[0].Registration,
            Is.EqualTo(Registration.Snapshot(ClaimVerdict.Refuted, 10, "native", new DateOnly(2026, 11, 26), "d70bc6c")));
        Assert.That(claims.All[0].Registration.Provenance,
            Is.EqualTo("regression snapshot of 10 seeds, native profile, 2026-11-26, commit d70bc6c, tests exact-3"));
        Assert.That(claims.All[1].Registration,
            Is.EqualTo(
                Registration.Preregistered(ClaimVerdict.Supported, new DateOnly(2026, 11, 28),
                    "0123456789abcdef0123456789abcdef01234567") with { Inference = null }),
            "an older registration without the record of its tests");
        Assert.That(claims.All[1].Registration.Provenance, Does.EndWith("tests unrecorded"));
        Assert.That(claims.All[1].Registration.Provenance,
            Does.StartWith("pre-registered 2026-11-28 (commit 0123456789abcdef0123456789abcdef01234567), before any run"));
    }

    [Test]
    public void Registration_errors_name_their_key_paths_all_at_once()
    {
        var error = Assert.Throws<ConfigurationException>(() => LoadClaims("""
            { "id": "c0", "expected": { "verdict": "maybe", "kind": "guess", "date": "26/11/2026", "commit": "xyz", "by": "me" } },
            { "id": "c1", "expected": { "verdict": "1", "kind": "snapshot", "date": "2026-11-26", "commit": "d70bc6c" } },
            { "id": "c2", "expected": { "verdict": "supported", "kind": "snapshot", "seeds": 0, "profile": "fast", "date": "2026-02-30", "commit": "d70bc6" } },
            { "id": "c3", "expected": { "verdict": "supported", "kind": "preregistered", "seeds": 10, "profile": "portable", "date": "2026-11-26", "commit": "d70bc6c" } },
            { "id": "c4", "expected": { "kind": "preregistered" } },
            { "id": "c5" },
            { "id": "c6", "expected": { "verdict": "supported", "kind": "post hoc", "seeds": 10, "date": "2026-12-07", "commit": "d70bc6c" } },
            { "id": "c7", "expected": { "verdict": "supported", "kind": "snapshot", "seeds": 10, "profile": "portable", "lastSeed": 10, "date": "2026-12-07", "commit": "d70bc6c" } }
            """))!;

        Assert.That(error.Errors.Select(e => e[..e.LastIndexOf(" (in ", StringComparison.Ordinal)]), Is.EquivalentTo(new[]
        {
            "claims:0:expected:by: unknown key; expected one of: verdict, kind, seeds, profile, date, commit, inference, look, plan, " +
            "lastSeed",
            "claims:0:expected:verdict: expected supported, refuted, negligible or inconclusive, found 'maybe'",
            "claims:0:expected:kind: expected snapshot, preregistered or post hoc, found 'guess'",
            "claims:0:expected:date: expected a date yyyy-MM-dd, found '26/11/2026'",
            "claims:0:expected:commit: expected a git commit hash (7 to 40 hexadecimal digits), found 'xyz'",
            "claims:1:expected:verdict: expected supported, refuted, negligible or inconclusive, found '1'",
            "claims:1:expected:seeds: missing; a snapshot records how many seeds its verdict was measured on (an integer >= 1)",
            "claims:1:expected:profile: missing; a string is required",
            "claims:2:expected:seeds: expected an integer >= 1, found '0'",
            "claims:2:expected:profile: expected the numerics profile the verdict was measured under, portable or native, found 'fast'",
            "claims:2:expected:date: expected a date yyyy-MM-dd, found '2026-02-30'",
            "claims:2:expected:commit: expected a git commit hash (7 to 40 hexadecimal digits), found 'd70bc6'",
            "claims:3:expected:seeds: a pre-registration has none: it is recorded before any run of the claim exists",
            "claims:3:expected:profile: a pre-registration has none: it is recorded before any run of the claim exists",
            "claims:4:expected:verdict: missing; a string is required",
            "claims:4:expected:date: missing; a string is required",
            "claims:4:expected:commit: missing; a string is required",
            "claims:5:expected: missing; an object { \"verdict\", \"kind\": \"snapshot\", \"preregistered\" or \"post hoc\", \"date\", " +
            "\"commit\" } (a snapshot adds \"seeds\" and \"profile\", a post hoc one \"lastSeed\") is required",
            "claims:6:expected:seeds: a post hoc registration has none: it predicts the seeds after lastSeed, not a measured verdict",
            "claims:6:expected:lastSeed: missing; a post hoc registration records the largest seed that had run",
            "claims:7:expected:lastSeed: only a post hoc registration has one",
        }));
    }

    /// <summary>Claims that differ only in id and <c>expected</c>: a valid trend over the tutorial's depths, in a temporary file.</summary>
    private static ClaimSet LoadClaims(string claims)
    {
        var body =
            string.Join(",\n", claims.Split('\n').Select(line => line.Trim().TrimEnd(',')).Where(line => line.Length > 0).Select(line =>
            line[..^1] + """, "statement": "s", "metric": "gap", "test": "trend", "axis": "layers", "direction": "increasing",""" +
            """ "parts": [ { "where": { "nTrain": 1000, "dropout": 0 } } ], "reason": "r" }"""));
        var path = Path.Combine(Path.GetTempPath(), $"claims-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""{ "claims": [ {{body}} ] }""");
        try
        {
            return ClaimLoader.LoadFile(path, Tutorial);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Errors_name_their_key_paths_all_at_once()
    {
        var path = TestScratch.Path("claims") + ".json";
        File.WriteAllText(path, """
            { "alpha": 2, "claims": [
              { "id": "x", "statement": "s", "metric": "accuracy", "expected": "true", "reason": "r", "negligible": -1,
                "parts": [ { "test": "trend", "direction": "up" }, { "test": "probability", "direction": "less", "a": { "layers": 0, "width": 64 } },
                           { "test": "trend", "axis": "width", "direction": "increasing", "where": { "layers": 2 } },
                           { "test": "threshold", "direction": "greater", "where": { "dropout": 0.2 } } ] } ] }
            """);
        try
        {
            var error = Assert.Throws<ConfigurationException>(() => ClaimLoader.LoadFile(path, Tutorial));
            Assert.That(error.Errors, Has.Some.StartsWith("alpha: expected a number in (0, 1), found '2'"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:metric: unknown metric 'accuracy'"));
            Assert.That(error.Errors,
                Has.Some.StartsWith("claims:0:expected: expected an object { \"verdict\", \"kind\": \"snapshot\", \"preregistered\" or " +
                    "\"post hoc\", \"date\", \"commit\" } (a snapshot adds \"seeds\" and \"profile\", a post hoc one \"lastSeed\"), " +
                    "found 'true'"));
            Assert.That(error.Errors,
                Has.Some.StartsWith("claims:0:negligible: expected the smallest effect that matters, a positive number in " +
                    "the metric's units, found '-1'"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:negligible: a trend part's ρ has no scale in the metric's units"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:0:direction: expected greater, less, increasing or decreasing"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:0:where: missing"));
            Assert.That(error.Errors,
                Has.Some.StartsWith("claims:0:parts:0:axis: expected a numeric axis the experiment declares " +
                    "(layers, dropout, nTrain), found ''"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:1:a:layers: expected an integer in [1, 1000], found '0'"));
            Assert.That(error.Errors,
                Has.Some.StartsWith("claims:0:parts:1:a:width: not an axis of this experiment; claims can select runs by its " +
                    "axes: layers, dropout, nTrain"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:1:b: missing"));
            Assert.That(error.Errors,
                Has.Some.StartsWith("claims:0:parts:2:axis: expected a numeric axis the experiment declares (layers, " +
                    "dropout, nTrain), found 'width'"));
            Assert.That(error.Errors,
                Has.Some.StartsWith("claims:0:parts:2:where: selects no configuration of the experiment (layers=2); expected values " +
                    "its grids have"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:3:value: expected the number the mean is compared with"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void The_decide_block_names_its_spending_rule_and_an_unknown_one_is_refused_with_the_known_ones()
    {
        ClaimSet Load(string decide) => WithDecide(decide);

        Assert.That(Load("""{ "maxSeeds": 30, "stage": 5, "spending": "Pocock" }""").Decide,
            Is.EqualTo(new Harness.Claims.Sequential.SequentialPlan(30, 5) { Spending = Harness.Claims.Sequential.AlphaSpending.Pocock }));
        Assert.That(Load("""{ "maxSeeds": 30 }""").Decide!.Spending, Is.SameAs(Harness.Claims.Sequential.AlphaSpending.Bonferroni),
            "without a rule, the even split the plan always had");
        var error = Assert.Throws<ConfigurationException>(() => Load("""{ "spending": "haybittle-peto" }"""))!;
        Assert.That(error.Errors,
            Has.Some.StartsWith("decide:spending: expected bonferroni, pocock, obrien-fleming, found 'haybittle-peto'"));
    }

    /// <summary>A one-claim claims file with the given <c>decide</c> block, loaded against the tutorial from a temporary file.</summary>
    internal static ClaimSet WithDecide(string decide)
    {
        var path = TestScratch.Path("claims") + ".json";
        File.WriteAllText(path, $$"""
            { "decide": {{decide}}, "claims": [ { "id": "c", "statement": "s", "metric": "gap", "test": "trend", "axis": "layers",
              "direction": "increasing", "parts": [ { "where": { "nTrain": 1000, "dropout": 0 } } ], "reason": "r",
              "expected": { "verdict": "supported", "kind": "preregistered", "date": "2026-11-28", "commit": "d70bc6c" } } ] }
            """);
        try
        {
            return ClaimLoader.LoadFile(path, Tutorial);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
