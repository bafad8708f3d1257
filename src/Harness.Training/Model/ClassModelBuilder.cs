using System.Reflection;
using Harness.Data;
using Harness.Settings;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Model;

/// <summary>Makes a run's C# model (<see cref="RunConfig.ModelClass"/>) and checks, before anything trains, that each
/// configuration's builds and gives logits of the data's class count.</summary>
internal static class ClassModelBuilder
{
    /// <summary>An instance of <paramref name="type"/>, made with its parameterless constructor.</summary>
    /// <exception cref="InvalidOperationException">Not a <see cref="HarnessModel"/>, no such constructor, or the constructor threw:
    /// the message says which.</exception>
    public static HarnessModel Instantiate(Type type)
    {
        if (!typeof(HarnessModel).IsAssignableFrom(type) || type.IsAbstract)
            throw new InvalidOperationException($"{type.FullName} is not a concrete subclass of {typeof(HarnessModel).FullName}");
        if (type.GetConstructor(Type.EmptyTypes) is null)
            throw new InvalidOperationException($"{type.FullName} has no public parameterless constructor");
        try
        {
            return (HarnessModel)Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e)
        {
            throw new InvalidOperationException($"{type.FullName}'s constructor threw {e.InnerException!.GetType().Name}: " +
                e.InnerException.Message, e.InnerException);
        }
    }

    /// <summary>The network <paramref name="run"/> trains, its weights drawn from <paramref name="init"/>.</summary>
    public static nn.Module<Tensor, Tensor> Build(RunConfig run, DataShape data, Generator init, Generator dropout)
    {
        var model = run.ModelClass ?? throw new ArgumentException($"Run {run.RunId} names no model class.", nameof(run));
        var values = model.ValuesOf(run).ToDictionary(v => v.Name, v => v.Value);
        return Instantiate(model.Type).Build(new ModelContext(data.Image, data.Classes, values, init, dropout));
    }

    /// <summary>
    /// Why the runs' C# models cannot train on <paramref name="data"/>, one line per configuration that fails (none when all
    /// can): each is built once and given a batch of two zero samples, and must return <c>[2, classes]</c>.
    /// </summary>
    public static IReadOnlyList<string> Problems(IEnumerable<RunConfig> runs, DataShape data)
    {
        var problems = new List<string>();
        var configurations = runs.Where(r => r.ModelClass is not null)
            .DistinctBy(r => (r.ModelClass, string.Join(',', r.ModelClass!.ValuesOf(r).Select(v => RunSetting.Format(v.Value)))));
        foreach (var run in configurations)
        {
            var values = string.Join(", ", run.ModelClass!.ValuesOf(run).Select(v => $"{v.Name} {RunSetting.Format(v.Value)}"));
            var what = $"model class {run.ModelClass.ClassName}" + (values.Length > 0 ? $" ({values})" : "");
            if (Check(run, data) is { } problem) problems.Add($"{what}: {problem}");
        }
        return problems;
    }

    private static string? Check(RunConfig run, DataShape data)
    {
        using var scope = NewDisposeScope();
        // Throwaway streams: the check must not draw from any run's.
        using var init = new Generator(0);
        using var dropout = new Generator(0);
        long[] expected = [2, data.Classes];
        try
        {
            using var network = Build(run, data, init, dropout);
            network.eval();
            using var noGrad = no_grad();
            var output = network.forward(zeros(2, data.Features));
            return output.shape.SequenceEqual(expected) ? null
                : $"for a batch of 2 samples of {data.Features} features it returned shape [{string.Join(", ", output.shape)}]; " +
                  $"expected [2, {data.Classes}] (logits, one per class)";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"does not build or run: {e.GetType().Name}: {e.Message}";
        }
    }
}
