using System.Globalization;
using Harness.Native;

namespace Harness.Cli;

/// <summary>
/// <c>--name value</c> pairs for one command. Unknown options, missing values, repeated options and values
/// of the wrong type are collected, so a user sees every mistake at once.
/// </summary>
public sealed class CommandOptions
{
    /// <summary>Options that may be given more than once, each adding a value (e.g. <c>--set key=value</c>).</summary>
    public static readonly IReadOnlySet<string> Repeatable = new HashSet<string> { "set" };

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _repeated = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];

    public CommandOptions(string command, IReadOnlyList<string> args, IReadOnlyCollection<string> known)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                _errors.Add($"unexpected argument '{arg}'; options look like --name value");
            else if (!known.Contains(arg[2..]))
                _errors.Add($"unknown option '{arg}' for '{command}'; known: {string.Join(", ", known.Select(k => "--" + k))}");
            else if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                _errors.Add($"option '{arg}' needs a value");
            else if (Repeatable.Contains(arg[2..]))
                (_repeated.TryGetValue(arg[2..], out var list) ? list : _repeated[arg[2..]] = []).Add(args[++i]);
            else if (!_values.TryAdd(arg[2..], args[++i]))
                _errors.Add($"option '{arg}' is given twice");
        }
    }

    public int Int(string name, int fallback) => Parse(name, fallback, "an integer",
        s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null);

    public double Double(string name, double fallback) => Parse(name, fallback, "a number",
        s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null);

    public string? String(string name, string? fallback = null) => _values.GetValueOrDefault(name, fallback!);

    public TEnum Enum<TEnum>(string name, TEnum fallback) where TEnum : struct, System.Enum => Parse(name, fallback,
        string.Join(" or ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant())),
        s => System.Enum.TryParse<TEnum>(s, ignoreCase: true, out var v) && System.Enum.IsDefined(v) && !int.TryParse(s, out _) ? v : null);

    /// <summary>The numerics profile named by <c>--numerics</c>, or null when the option is absent or wrong (then an error is recorded).</summary>
    public NumericsProfile? Numerics()
    {
        if (!_values.TryGetValue("numerics", out var text)) return null;
        var profile = NumericsProfile.Find(text);
        if (profile is null) _errors.Add($"option '--numerics': expected {NumericsProfile.Names}, found '{text}'");
        return profile;
    }

    /// <summary>Every value of a repeatable option, in order.</summary>
    public IReadOnlyList<string> All(string name) => _repeated.TryGetValue(name, out var values) ? values : [];

    /// <summary><c>--set key=value</c> pairs as configuration overrides (keys use ':' between levels, as in the JSON).</summary>
    public IReadOnlyDictionary<string, string?> Settings(string name = "set")
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in All(name))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0) _errors.Add($"option '--{name}': expected key=value (e.g. grids:0:seeds:count=3), found '{pair}'");
            else settings[pair[..equals].Trim()] = pair[(equals + 1)..];
        }
        return settings;
    }

    public void AddError(string error) => _errors.Add(error);

    /// <summary>Throws a <see cref="UsageException"/> listing every problem found so far.</summary>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0) throw new UsageException(string.Join("\n", _errors.Select(e => "error: " + e)));
    }

    private T Parse<T>(string name, T fallback, string expected, Func<string, T?> parse) where T : struct
    {
        if (!_values.TryGetValue(name, out var text)) return fallback;
        if (parse(text) is { } value) return value;
        _errors.Add($"option '--{name}': expected {expected}, found '{text}'");
        return fallback;
    }
}
