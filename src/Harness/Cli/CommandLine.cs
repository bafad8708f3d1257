using Harness.Training;

namespace Harness.Cli;

/// <summary>Dispatches <c>harness &lt;command&gt;</c>. Exit codes: 0 done, 1 failed, 2 usage or configuration error.</summary>
public static class CommandLine
{
    public const string Usage = """
        usage: harness <command> [options]
          reproduce  the whole experiment into a report: --experiment (default keras-tutorial-05) --seeds N --out DIR
                     (default artifacts) --workers N --data-dir DIR --numerics portable|native
                     --set key=value (repeatable; any experiment key)
          run     one training run: --layers --dropout --n-train --seed --out DIR, and --n-validation --epochs
                  --batch-size --width --learning-rate --semantics keras|pytorch --numerics portable|native --data-dir
          bench   train the tutorial's grid (10 runs, one seed, in parallel) once per numerics profile; one JSON line of
                  throughput each, then the portable profile's cost: --seed --workers --data-dir --numerics (one profile only)
          accept  promote received baselines to verified: --experiment (default keras-tutorial-05) --run ID --baselines DIR
        """;

    public static int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        try
        {
            return args.Count == 0 ? Fail(error, "error: no command given") : args[0] switch
            {
                "run" => RunCommand.Execute(args.Skip(1).ToList(), output),
                "bench" => BenchCommand.Execute(args.Skip(1).ToList(), output, error),
                "accept" => AcceptCommand.Execute(args.Skip(1).ToList(), output, error),
                "reproduce" => ReproduceCommand.Execute(args.Skip(1).ToList(), output, error),
                "help" or "--help" or "-h" => Help(output),
                _ => Fail(error, $"error: unknown command '{args[0]}'"),
            };
        }
        catch (UsageException e)
        {
            return Fail(error, e.Message);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException
                                       or Harness.Config.ConfigurationException or Harness.Baselines.BaselineFormatException
                                       or Harness.Native.NumericsProfileException)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (TrainingDivergedException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static int Help(TextWriter output)
    {
        output.WriteLine(Usage);
        return 0;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine(Usage);
        return 2;
    }
}
