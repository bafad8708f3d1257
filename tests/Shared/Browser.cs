using System.Diagnostics;

namespace Harness.Tests;

/// <summary>
/// A real Chromium-family browser, run headless, for tests that check what a reader of a generated page would see:
/// the DOM after the page has loaded, its scripts run and its images decoded.
/// </summary>
internal static class Browser
{
    /// <summary>A browser to use instead of the ones looked for on PATH: a path, or a program name on PATH.</summary>
    public const string Variable = "HARNESS_BROWSER";

    public const string Install = "apt-get install chromium";

    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    // A cold Chromium start on a busy two-core machine takes seconds; a minute and a half is far beyond a healthy load.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>The browser <see cref="Variable"/> names, else the first of the usual names on PATH; null when none.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } chosen)
            return File.Exists(chosen) ? chosen : HarnessProcess.FindOnPath(chosen);
        return Candidates.Select(HarnessProcess.FindOnPath).FirstOrDefault(path => path is not null);
    }

    /// <summary>Marks the test not run, with the reason and the install command, when no browser is found (<see cref="NotRun"/>:
    /// on CI it fails): never a pass.</summary>
    public static void RequireOrSkip()
    {
        if (Find() is not null) return;
        var chosen = Environment.GetEnvironmentVariable(Variable);
        if (chosen is { Length: > 0 })
            NotRun.Because($"no Chromium at {Variable}={chosen}, so the page cannot be opened in a browser",
                $"point {Variable} at one, or unset it");
        NotRun.Because($"no Chromium-family browser ({string.Join(", ", Candidates)}) on PATH, so the page cannot be opened in a browser",
            $"{Install} (ci/browser.sh does)");
    }

    /// <summary>The viewport a page is shown in: a laptop's screen, what "the first screen" of a report means.</summary>
    public const int Width = 1280, Height = 800;

    // Headless Chromium draws no window frame yet keeps room for one: --window-size=1280,800 gave a viewport of 1280×657
    // (Chromium 156). How much it keeps is measured once, not assumed, so the viewport is 1280×800 in any version.
    private static readonly Lazy<int> FrameHeight = new(MeasureFrame);

    /// <summary>Opens <paramref name="htmlPath"/> headless with a <see cref="Width"/> × <see cref="Height"/> viewport and
    /// returns the DOM as it stands after the load event.</summary>
    public static string DumpDom(string htmlPath) => DumpDom(htmlPath, Height + FrameHeight.Value);

    private static int MeasureFrame()
    {
        var page = Path.Combine(Directory.CreateTempSubdirectory("harness-viewport-").FullName, "viewport.html");
        try
        {
            File.WriteAllText(page, "<!DOCTYPE html><html><body><script>addEventListener('load', () => " +
                "document.body.dataset.inner = String(innerHeight));</script></body></html>");
            var dom = DumpDom(page, Height);
            var inner = System.Text.RegularExpressions.Regex.Match(dom, @"data-inner=""(\d+)""");
            if (!inner.Success) Assert.Fail($"Could not read the viewport's height from {Find()}: {dom}");
            return Height - int.Parse(inner.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(page)!, recursive: true);
        }
    }

    private static string DumpDom(string htmlPath, int windowHeight)
    {
        var browser = Find() ?? throw new InvalidOperationException($"No browser: call {nameof(RequireOrSkip)} first.");
        var profile = Directory.CreateTempSubdirectory("harness-chromium-");
        try
        {
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // --no-sandbox: Chromium refuses to start as root with its sandbox (CI containers run as root). The rest keep a
            // test run from reaching the network (updates, sync, QUIC probes) or reading a profile left by another run.
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}",
                $"--window-size={Width},{windowHeight}", "--hide-scrollbars", "--dump-dom",
                new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
            })
                start.ArgumentList.Add(argument);

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                Assert.Fail($"{browser} did not finish loading {htmlPath} within {Timeout.TotalSeconds:0} s; killed. " +
                    $"Output:\n{stdout.Result}\n{stderr.Result}");
            }
            if (process.ExitCode != 0 || stdout.Result.Length == 0)
                Assert.Fail($"{browser} exited with {process.ExitCode} on {htmlPath} and dumped {stdout.Result.Length} characters. " +
                    $"Error output:\n{stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
