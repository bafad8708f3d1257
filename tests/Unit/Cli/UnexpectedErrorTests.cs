using Harness.Cli;

namespace Harness.Tests.Unit.Cli;

/// <summary>The last-resort handler: an exception nothing foresaw is one error line, its stack trace only with --verbose.</summary>
public sealed class UnexpectedErrorTests
{
    private static Exception Thrown()
    {
        try
        {
            throw new AggregateException(new InvalidCastException("the inner cause"));
        }
        catch (Exception e)
        {
            return e;
        }
    }

    [Test]
    public void Is_one_error_line_with_the_innermost_message_and_no_stack_trace()
    {
        var text = CommandLine.Unexpected(Thrown(), verbose: false);

        Assert.That(text, Does.StartWith("error: the inner cause (InvalidCastException)\n"));
        Assert.That(text, Does.Contain("--verbose").And.Not.Contain(" at "));
    }

    [Test]
    public void With_verbose_adds_the_stack_trace()
    {
        var text = CommandLine.Unexpected(Thrown(), verbose: true);

        Assert.That(text, Does.StartWith("error: the inner cause (InvalidCastException)\n"));
        Assert.That(text, Does.Contain(" at ").And.Contain(nameof(Thrown)));
    }

    [Test]
    public void Verbose_is_an_option_of_every_command()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = CommandLine.Execute(["accept", "--verbose", "--help"], output, error);

        Assert.That(exitCode, Is.Zero, error.ToString());
        Assert.That(output.ToString(), Does.Contain("--verbose"));
    }
}
