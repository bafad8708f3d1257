using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace Harness.TestLogger;

/// <summary>
/// Prints what the harness says during <c>dotnet test</c>, at any verbosity: training progress while runs train, and each
/// experiment's conclusions once its tests have run. The tests write those lines with NUnit's <c>TestContext.Progress</c>,
/// which the NUnit adapter forwards at once as informational messages; VSTest's console logger shows informational
/// messages only at detailed verbosity, so without this logger a plain <c>dotnet test</c> would print none of them.
/// Enabled for every test run by run settings (<c>tests/harness.runsettings</c> here, the ones Harness.NUnit's build props
/// name in a user's test project); only messages that begin with <see cref="Marker"/> are
/// printed, so the adapter's own messages and the tests' other output stay where they were.
/// </summary>
[FriendlyName(FriendlyName)]
[ExtensionUri(ExtensionUri)]
public sealed class HarnessLogger : ITestLogger
{
    public const string FriendlyName = "harness";
    public const string ExtensionUri = "logger://harness/conclusions";

    /// <summary>How a message for this logger begins; it is printed with the marker, so a reader sees where it came from.</summary>
    public const string Marker = "[harness] ";

    private readonly TextWriter _output;
    private readonly Lock _gate = new();

    public HarnessLogger() : this(Console.Out)
    {
    }

    public HarnessLogger(TextWriter output) => _output = output;

    public void Initialize(TestLoggerEvents events, string testRunDirectory) =>
        events.TestRunMessage += (_, e) => Relay(e.Level, e.Message);

    /// <summary>Prints the message if it is the harness's.</summary>
    public void Relay(TestMessageLevel level, string? message)
    {
        if (level != TestMessageLevel.Informational || message is null || !message.StartsWith(Marker, StringComparison.Ordinal)) return;
        lock (_gate)
        {
            _output.WriteLine(message.TrimEnd());
            _output.Flush();
        }
    }
}
