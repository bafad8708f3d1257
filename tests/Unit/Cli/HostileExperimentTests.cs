using System.Text.Json.Nodes;
using Harness.Report;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// Someone else's experiment folder with <see cref="HostileText"/> in every text its files hold (title, source, a grid's
/// description, a claim's id, statement, source words, reason and part name), reproduced by the real program: the console
/// obeys none of it, and report.html, opened in Chromium, runs none of it and shows every failure (the runs have no
/// baselines, so there are failures to hide).
/// </summary>
public sealed class HostileExperimentTests
{
    private IdxFixtures _data = null!;
    private string _folder = "";
    private string _out = "";

    [OneTimeSetUp]
    public void Write()
    {
        _data = new IdxFixtures();
        _data.WriteDataset(train: 40, test: 20);
        _folder = Path.Combine(_data.Directory, "hostile");
        _out = Path.Combine(_data.Directory, "out");
        Directory.CreateDirectory(_folder);
        var words = HostileText.All;
        File.WriteAllText(Path.Combine(_folder, "experiment.json"), new JsonObject
        {
            ["name"] = "hostile", ["title"] = "hostile" + words, ["source"] = "a download" + words, ["dataset"] = "mnist",
            ["run"] = new JsonObject { ["nValidation"] = 20, ["epochs"] = 2, ["batchSize"] = 8, ["width"] = 8 },
            ["grids"] = new JsonArray(new JsonObject
            {
                ["name"] = "g", ["description"] = "a grid" + words,
                ["axes"] = new JsonObject { ["layers"] = new JsonArray(1, 2), ["nTrain"] = new JsonArray(40) },
                ["seeds"] = new JsonObject { ["first"] = 1, ["count"] = 2 },
            }),
        }.ToJsonString());
        File.WriteAllText(Path.Combine(_folder, "claims.json"), new JsonObject
        {
            ["claims"] = new JsonArray(new JsonObject
            {
                ["id"] = "deeper" + words, ["statement"] = "deeper overfits" + words, ["tutorial"] = "the source says" + words,
                ["metric"] = "gap", ["test"] = "trend", ["axis"] = "layers", ["direction"] = "increasing",
                ["parts"] = new JsonArray(new JsonObject { ["name"] = "all" + words, ["where"] = new JsonObject { ["nTrain"] = 40 } }),
                ["expected"] = new JsonObject
                {
                    ["verdict"] = "inconclusive", ["kind"] = "preregistered", ["date"] = "2026-12-06", ["commit"] = "e47f98b",
                },
                ["reason"] = "two seeds cannot decide it" + words,
            }),
        }.ToJsonString());
    }

    [OneTimeTearDown]
    public void Clean() => _data.Dispose();

    [Test, Category("Browser")]
    public void Its_report_runs_none_of_its_text_and_hides_no_failure()
    {
        Browser.RequireOrSkip();
        var (exit, output) = Reproduce();
        Assert.That(exit, Is.EqualTo(1), $"no baselines: each history is a failure\n{output}");

        var dom = Browser.DumpDom(Path.Combine(_out, "hostile", HtmlReport.FileName));

        var tampering = HtmlReportCheck.Tampering(dom);
        Assert.That(tampering, Is.Empty, string.Join("\n", tampering));
        Assert.That(dom, Does.Contain("deeper overfits &lt;script&gt;"), "the statement is on the page, as text");
    }

    [Test]
    public void The_console_shows_its_control_characters_and_obeys_none()
    {
        var (exit, output) = Reproduce();
        var (listed, listing) = HarnessProcess.Run(new Dictionary<string, string?> { ["HARNESS_EXPERIMENTS"] = _folder }, "experiments");

        Assert.That(exit, Is.EqualTo(1), output);
        Assert.That(listed, Is.EqualTo(0), listing);
        foreach (var (command, text) in new[] { ("reproduce", output), ("experiments", listing) })
        {
            Assert.That(text.Where(c => char.IsControl(c) && c != '\n').Select(c => $"U+{(int)c:X4}"), Is.Empty,
                $"{command} sent a control character:\n{text}");
            Assert.That(text, Does.Not.Contain("\u202e"), $"{command} sent a right-to-left override");
        }
        Assert.That(output, Does.Contain("deeper overfits <script>").And.Contain("\\x1B[2J\\x1B[31m red ✓ Supported \\u202Egnp.exe"),
            "the statement as its words, its escapes shown");
        Assert.That(listing, Does.Contain("hostile <script>").And.Contain("\\x1B[2J"), "the title as its words");
    }

    private (int ExitCode, string Output) Reproduce() =>
        HarnessProcess.Run(new Dictionary<string, string?> { ["CI"] = null, ["HARNESS_ACCEPT"] = null },
            "reproduce", "--experiment", _folder, "--data-dir", _data.Directory, "--out", _out,
            "--baselines", Path.Combine(_data.Directory, "baselines"));
}
