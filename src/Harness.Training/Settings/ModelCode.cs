using System.Reflection;

namespace Harness.Settings;

/// <summary>
/// The identity of a C# model's code, for the run store's key: each assembly its class and its base classes come from
/// (the harness's own library excepted, whose sources the store's code identity already covers), as name and module version
/// id (MVID), in order.
/// </summary>
/// <remarks>
/// Why the MVID, not a SHA-256 of the file: it is there for every loaded assembly, also one loaded from bytes or bundled in a
/// single-file app, which has no file to hash. With <c>Deterministic</c> builds (the default of SDK projects, and set in this
/// repository) the compiler derives it from the compiled content, so the same source built the same way keeps it and any edit
/// changes it; without them it is a fresh GUID per compilation, which errs towards training again, never towards reuse.
/// What it does not cover: an assembly the model only calls (a helper library of the user's) changes without changing the
/// model's MVID.
/// </remarks>
internal static class ModelCode
{
    public static string Of(Type type)
    {
        var harness = typeof(ModelCode).Assembly;
        var assemblies = new List<Assembly>();
        for (var t = type; t is not null; t = t.BaseType)
            if (t.Assembly != harness && t.Assembly != typeof(object).Assembly && !assemblies.Contains(t.Assembly))
                assemblies.Add(t.Assembly);
        return string.Join(" ", assemblies.Select(a => $"{a.GetName().Name}:{a.ManifestModule.ModuleVersionId:N}"));
    }
}
