using Harness.TestLogger;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace Harness.Tests.Unit.Logger;

public sealed class HarnessLoggerTests
{
    [Test]
    public void Prints_the_harnesss_own_messages_and_nothing_else()
    {
        var output = new StringWriter { NewLine = "\n" };
        var logger = new HarnessLogger(output);

        logger.Relay(TestMessageLevel.Informational, "NUnit Adapter 6.3.1.0: Test execution started");
        logger.Relay(TestMessageLevel.Informational, "a test's own output");
        logger.Relay(TestMessageLevel.Informational, HarnessLogger.Marker + "tiny: 1 of 2 runs done\n");
        logger.Relay(TestMessageLevel.Warning, HarnessLogger.Marker + "a warning goes through the console logger already");
        logger.Relay(TestMessageLevel.Informational, HarnessLogger.Marker + "Conclusions of tiny:\n  Everything holds.");

        Assert.That(output.ToString(),
            Is.EqualTo("[harness] tiny: 1 of 2 runs done\n[harness] Conclusions of tiny:\n  Everything holds.\n"));
    }
}
