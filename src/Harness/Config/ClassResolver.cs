using System.Reflection;
using System.Text.Json;

namespace Harness.Config;

/// <summary>
/// Finds a class an experiment names by its full type name (<c>Harness.Examples.TwoLayerNet</c>), or assembly-qualified
/// (<c>My.Net, MyModels</c>). Looked for in the assemblies loaded, then in those they reference, then in the projects and
/// packages the application's dependency manifest lists: a project reference the compiler dropped (no code uses it) is
/// still copied beside the program and listed there, so a test project that only references a models project finds them.
/// </summary>
internal static class ClassResolver
{
    /// <summary>The type, or null with <paramref name="searched"/> saying where it was looked for.</summary>
    public static Type? Find(string name, out string searched)
    {
        searched = "";
        if (name.Contains(',', StringComparison.Ordinal))
        {
            searched = $"the assembly named after the comma in '{name}'";
            try
            {
                return Type.GetType(name, throwOnError: false);
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException)
            {
                return null;
            }
        }
        if (InLoaded(name) is { } loaded) return loaded;
        var tried = new HashSet<string>(AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name!), StringComparer.Ordinal);
        foreach (var candidate in ReferencedNames().Concat(ManifestNames()).Where(n => tried.Add(n.Name!)).ToList())
            if (TryLoad(candidate)?.GetType(name, throwOnError: false) is { } type) return type;
        searched = $"{tried.Count} assemblies: the loaded ones, those they reference and those in " +
            (DependencyManifest() ?? "no dependency manifest");
        return null;
    }

    private static Type? InLoaded(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic).Select(a => a.GetType(name, throwOnError: false))
            .FirstOrDefault(t => t is not null);

    private static IEnumerable<AssemblyName> ReferencedNames() =>
        AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic).SelectMany(a => a.GetReferencedAssemblies());

    /// <summary>The projects and packages of the application's <c>.deps.json</c> (its <c>libraries</c>), as assembly names.</summary>
    private static IEnumerable<AssemblyName> ManifestNames()
    {
        if (DependencyManifest() is not { } path) return [];
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (!document.RootElement.TryGetProperty("libraries", out var libraries)) return [];
            return [.. libraries.EnumerateObject()
                .Where(l => l.Value.TryGetProperty("type", out var type) && type.GetString() == "project")
                .Select(l => new AssemblyName(l.Name[..l.Name.IndexOf('/', StringComparison.Ordinal)]))];
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The host's list (semicolon-separated on every platform), else the entry assembly's beside it.</summary>
    private static string? DependencyManifest() =>
        ((AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string)?.Split(';') ?? [])
        .Append(Assembly.GetEntryAssembly() is { } entry ? Path.Combine(AppContext.BaseDirectory, entry.GetName().Name + ".deps.json") : "")
        .FirstOrDefault(p => p.Length > 0 && File.Exists(p));

    private static Assembly? TryLoad(AssemblyName name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException)
        {
            return null;
        }
    }
}
