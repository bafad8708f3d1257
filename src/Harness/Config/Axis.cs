using Harness.Settings;

namespace Harness.Config;

/// <summary>A run setting a grid varies, with its values in the order given.</summary>
internal sealed record Axis(RunSetting Setting, IReadOnlyList<object> Values);
