using System.CommandLine;
using System.Globalization;
using Harness.Cli;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// docs/cli.md is rendered from the command definitions (<see cref="CommandReference"/>) and must be what they render now:
/// a change to a command, an option or a description makes it stale, and this fails until it is regenerated.
/// </summary>
public sealed class CommandReferenceTests
{
    private static readonly string Committed =
        Path.Combine(Harness.Config.ExperimentFiles.Repository.Root(), CommandReference.RelativePath);

    [Test]
    public void The_committed_reference_is_current() =>
        GeneratedFile.Verify(Committed, CommandReference.Render(), CommandReference.Regenerate);

    [Test]
    public void An_added_option_makes_the_reference_stale_naming_its_line_and_the_way_to_update()
    {
        var root = CommandReference.Invariant(CommandLine.Create);
        Reproduce(root).Add(new Option<bool>("--fake-option") { Description = "added by this test" });
        var directory = Directory.CreateTempSubdirectory("harness-reference-");
        try
        {
            var path = Path.Combine(directory.FullName, "cli.md");
            File.WriteAllText(path, CommandReference.Render());

            var failure = Assert.Throws<AssertionException>(() =>
                GeneratedFile.Verify(path, CommandReference.Render(root), CommandReference.Regenerate, accept: false));

            Assert.That(failure.Message, Does.Contain("is not what the code renders: line ").And.Contain("--fake-option")
                .And.Contain("added by this test").And.Contain(CommandReference.Regenerate));
            Assert.That(File.ReadAllText(Path.Combine(directory.FullName, "cli.received.md")), Is.EqualTo(CommandReference.Render(root)));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void A_changed_description_makes_it_stale_and_a_hidden_option_does_not()
    {
        var root = CommandReference.Invariant(CommandLine.Create);
        Reproduce(root).Add(new Option<bool>("--hidden-option") { Description = "not for users", Hidden = true });
        var current = CommandReference.Render();
        Assert.That(GeneratedFile.Difference(current, CommandReference.Render(root)), Is.Null, "hidden options stay out");

        Reproduce(root).Description += " And more.";
        Assert.That(GeneratedFile.Difference(current, CommandReference.Render(root)), Does.Contain("And more."));
    }

    [Test]
    public void It_is_the_same_in_any_culture_and_prints_no_machine_dependent_default()
    {
        var invariant = CommandReference.Render();
        // InvariantGlobalization (Directory.Build.props) allows no named culture here; a culture that writes 0.001 as 0,001 will do.
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = comma;
            Assert.That(CommandReference.Render(), Is.EqualTo(invariant));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
        Assert.That(invariant, Does.Contain("| `--workers` | `N` | the number of cores |"));
        Assert.That(invariant, Does.Not.Contain("\r").And.Not.Contain(Harness.Config.ExperimentFiles.Repository.Root()));
    }

    [Test]
    public void Help_markdown_writes_the_reference()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CommandLine.Execute(["help", "--markdown"], output, error);

        Assert.That(exitCode, Is.Zero, error.ToString());
        Assert.That(output.ToString(), Is.EqualTo(CommandReference.Render()));
    }

    private static Command Reproduce(RootCommand root) => root.Subcommands.Single(c => c.Name == "reproduce");
}
