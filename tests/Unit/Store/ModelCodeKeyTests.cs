using System.Collections.Immutable;
using System.Runtime.Loader;
using Harness.Model;
using Harness.Settings;
using Harness.Store;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Harness.Tests.Unit.Store.StoreFixtures;

namespace Harness.Tests.Unit.Store;

/// <summary>
/// A C# model's code is part of its runs' keys: the model compiled from edited source gets other keys, the same source compiled
/// again the same keys (a deterministic build, as SDK projects make), and a run without a C# model keeps the inputs it had.
/// </summary>
public sealed class ModelCodeKeyTests
{
    private const string Source = """
        using System.Collections.Generic;
        using Harness.Model;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace User.Models;

        public sealed class Net : HarnessModel
        {
            public override IReadOnlyDictionary<string, object> Settings { get; } = new Dictionary<string, object> { ["hidden"] = 64 };

            public override nn.Module<Tensor, Tensor> Build(ModelContext context) =>
                nn.Sequential(context.Dense(context.Features, context.Int("hidden"), "relu"),
                    context.Dense(context.Int("hidden"), context.Classes));
        }
        """;

    /// <summary>The source compiled deterministically, as <c>dotnet build</c> compiles a project, and loaded on its own.</summary>
    private static Type Compile(string source)
    {
        var references = AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Select(a => MetadataReference.CreateFromFile(a.Location));
        var compilation = CSharpCompilation.Create("User.Models", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.That(emitted.Success, Is.True, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(image).GetType("User.Models.Net", throwOnError: true)!;
    }

    private static RunKey KeyOf(Type type) => RunKey.For(BaseRun with
    {
        ModelClass = new ClassModel(type, ImmutableSortedDictionary<string, object>.Empty.Add("hidden", 64), ModelCode.Of(type)),
    }, Context);

    [Test]
    public void An_edit_of_the_model_s_source_changes_its_runs_keys_and_the_same_source_built_again_keeps_them()
    {
        var built = Compile(Source);
        var rebuilt = Compile(Source);
        var edited = Compile(Source.Replace("\"relu\"", "\"tanh\"", StringComparison.Ordinal));

        Assert.That(rebuilt, Is.Not.SameAs(built), "two assemblies, loaded apart");
        Assert.That(KeyOf(rebuilt).Hash, Is.EqualTo(KeyOf(built).Hash));
        Assert.That(KeyOf(edited).Hash, Is.Not.EqualTo(KeyOf(built).Hash));
        Assert.That(KeyOf(edited).Inputs, Does.Contain($"User.Models:{edited.Assembly.ManifestModule.ModuleVersionId:N}"));
    }

    [Test]
    public void A_run_without_a_csharp_model_has_no_model_code_in_its_inputs()
    {
        Assert.That(RunKey.For(BaseRun, Context).Inputs, Does.Not.Contain("modelCode"));
        Assert.That(ModelCode.Of(typeof(Harness.Examples.TwoLayerNet)), Does.StartWith("Harness.Examples:"),
            "the harness's own library is the store's code identity, not the model's");
        Assert.That(ModelCode.Of(typeof(Harness.Examples.TwoLayerNet)), Does.Not.Contain("Harness.Training"));
    }
}
