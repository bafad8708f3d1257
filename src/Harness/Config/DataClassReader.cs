using Harness.Data;

namespace Harness.Config;

/// <summary>Reads an experiment's <c>"data": { "class": "…" }</c>: a <see cref="HarnessData"/> class, found as model classes are
/// (<see cref="ClassResolver"/>). Its tensors are loaded and checked when the runs are about to train, before any does.</summary>
internal static class DataClassReader
{
    public const string Key = "data:class";

    public static Type? Read(ConfigReader reader)
    {
        if (reader.String(Key) is not { Length: > 0 } name) return null;
        if (ClassResolver.Find(name, out var searched) is not { } type)
        {
            reader.Error(Key, $"class '{name}' not found; looked in {searched}. Expected the full name of a class deriving from " +
                $"{typeof(HarnessData).FullName}, in an assembly the program or test project references");
            return null;
        }
        if (!typeof(HarnessData).IsAssignableFrom(type) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            reader.Error(Key, $"{type.FullName} is not a concrete subclass of {typeof(HarnessData).FullName} with a public " +
                "parameterless constructor");
            return null;
        }
        return type;
    }
}
