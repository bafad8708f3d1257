using Harness.Report;

namespace Harness.Tests.Unit.Report;

/// <summary>
/// The brief conclusions block, what <c>reproduce</c> and <c>dotnet test</c> print by default: a claim as registered in one
/// line, a claim that is not with its parts; and the full block, every claim with its parts.
/// </summary>
public sealed class ConclusionsDetailTests
{
    private static readonly string[] Footer =
    [
        "Run store /home/me/.cache/harness/runs: 40 run(s) reused, 0 trained.",
        "Report: /repo/artifacts/test-report/fixture/report.html (and report.md, histories.csv, claims.json, figures/ beside it).",
    ];

    private const string ShowAll = ConclusionsDetails.ShowAllInTests;

    [Test]
    public void When_everything_holds_the_tutorials_five_claims_take_a_line_each_and_the_block_fits_in_25_lines()
    {
        var results = TutorialLikeFixture.Results();
        Assert.That(results.Headline, Is.EqualTo("Everything holds"), "the fixture is the tutorial when everything holds");
        Assert.That(results.Claims.Select(c => c.Parts.Count), Is.EqualTo(new[] { 2, 2, 8, 6, 6 }));

        var block = ConclusionsBlock.Render(results, Footer, ConclusionsDetail.Brief, ShowAll);
        TestContext.Out.WriteLine(block);

        var lines = block.TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.LessThanOrEqualTo(25), block);
        foreach (var outcome in results.Claims)
            Assert.That(lines.Count(l => l.Contains(outcome.Claim.Statement, StringComparison.Ordinal)), Is.EqualTo(1),
                $"{outcome.Claim.Id}: one line, its verdict against the registered one");
        Assert.That(lines, Has.Some.EqualTo("    ✓ Supported — 9-layer nets end with a lower val_acc than 1-layer nets at n=1000 " +
            "(registered Supported, look 1 of 4)"), "a claim of a decide plan says which look this is");
        Assert.That(lines.Where(l => l.Contains(" → ", StringComparison.Ordinal)), Is.Empty, "no part's line");
        Assert.That(lines, Has.Some.StartsWith("        The decide plan reached Supported at look 2"),
            "what the plan reached is the open claim's conclusion: never left out");
        Assert.That(lines[^1], Is.EqualTo("  Each claim's parts are in the report, and here with HARNESS_CONCLUSIONS=full dotnet test."));
        Snapshot.Verify(block, "brief", "txt");
    }

    [Test]
    public void The_full_block_shows_every_part_of_every_claim()
    {
        var results = TutorialLikeFixture.Results();

        var block = ConclusionsBlock.Render(results, Footer, ConclusionsDetail.Full, ShowAll);

        foreach (var part in results.Claims.SelectMany(c => c.Parts))
            Assert.That(block, Does.Contain($"        {part.Part.Name}: {part.Statistic} = "), part.Part.Name);
        var brief = ConclusionsBlock.Render(results, Footer, ConclusionsDetail.Brief, ShowAll);
        Assert.That(block.Split('\n'), Has.Length.GreaterThanOrEqualTo(brief.Split('\n').Length + 24),
            "the brief block is short because it leaves the 24 parts out");
        Assert.That(block, Does.Not.Contain("Each claim's parts are in the report"), "nothing was left out");
    }

    [Test]
    public void A_claim_that_differs_from_its_registration_shows_its_parts_in_the_brief_block_too()
    {
        var results = ReportFixture.Results();

        var block = ConclusionsBlock.Render(results, [], ConclusionsDetail.Brief, ShowAll);

        var lines = block.Split('\n');
        var differs = Array.FindIndex(lines, l => l.StartsWith("    ✗ Refuted — dropout raises the gap (registered Supported: DIFFERS",
            StringComparison.Ordinal));
        Assert.That(differs, Is.GreaterThan(0), block);
        Assert.That(lines[differs + 1], Does.StartWith("        pooled: P(gap[dropout=0.2] > gap[dropout=0]), paired by seed = 0.00 " +
            "[0.00, 0.46], sign test over 6 seeds, p = 0.0313 → Refuted"));
        Assert.That(lines[differs + 2], Is.EqualTo("        6 seeds, α = 0.05, 95% interval."));
        var asRegistered = Array.IndexOf(lines, "    ✓ Supported — deeper nets overfit more (registered Supported)");
        Assert.That(asRegistered, Is.GreaterThan(0), block);
        Assert.That(lines[asRegistered + 1], Does.Not.StartWith("        "), "the claim as registered takes one line");
    }

    [Test]
    public void A_brief_block_that_left_nothing_out_does_not_say_where_the_rest_is()
    {
        var fixture = ReportFixture.Results();
        var results = fixture with { Claims = [.. fixture.Claims.Where(c => !c.AsRegistered)] };

        var block = ConclusionsBlock.Render(results, [], ConclusionsDetail.Brief, ShowAll);

        Assert.That(block, Does.Contain("        pooled: ").And.Not.Contain("Each claim's parts"));
    }

    [TestCase("brief", "Brief")]
    [TestCase("full", "Full")]
    [TestCase(" FULL ", "Full")]
    [TestCase("verbose", null)]
    [TestCase("", null)]
    [TestCase(null, null)]
    public void The_detail_is_named_brief_or_full(string? text, string? detail)
    {
        Assert.That(ConclusionsDetails.Parse(text)?.ToString(), Is.EqualTo(detail));
    }

    [Test]
    public void Dotnet_test_is_brief_unless_the_variable_says_full_and_a_value_it_does_not_know_is_said()
    {
        Assert.That(ConclusionsDetails.FromVariable(null), Is.EqualTo((ConclusionsDetail.Brief, (string?)null)));
        Assert.That(ConclusionsDetails.FromVariable(""), Is.EqualTo((ConclusionsDetail.Brief, (string?)null)));
        Assert.That(ConclusionsDetails.FromVariable("full"), Is.EqualTo((ConclusionsDetail.Full, (string?)null)));
        Assert.That(ConclusionsDetails.FromVariable("ful"),
            Is.EqualTo((ConclusionsDetail.Brief, "HARNESS_CONCLUSIONS=ful: expected brief or full; printed brief.")));
    }
}
