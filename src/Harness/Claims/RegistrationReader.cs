using System.Globalization;
using System.Text.RegularExpressions;
using Harness.Claims.Sequential;
using Harness.Config;
using Harness.Native;

namespace Harness.Claims;

/// <summary>
/// Reads a claim's <c>expected</c> object. A snapshot must say what it was measured on (seeds, numerics profile), a
/// pre-registration must not (nothing had run); both say when and at which commit, so the registration can be traced.
/// </summary>
internal static partial class RegistrationReader
{
    private const string Shape = "an object { \"verdict\", \"kind\": \"snapshot\", \"preregistered\" or \"post hoc\", \"date\", " +
                                 "\"commit\" } (a snapshot adds \"seeds\" and \"profile\", a post hoc one \"lastSeed\")";

    public static Registration Read(ConfigReader reader, string path)
    {
        var fallback = new Registration(ClaimVerdict.Inconclusive, RegistrationKind.Snapshot, null, null, default, "");
        if (!reader.Has(path))
        {
            reader.Error(path, $"missing; {Shape} is required");
            return fallback;
        }
        if (!reader.ChildKeys(path).Any())
        {
            reader.Error(path, $"expected {Shape}, found '{reader.String(path)}'");
            return fallback;
        }
        reader.OnlyKeys(path, "verdict", "kind", "seeds", "profile", "date", "commit", "inference", "look", "plan", "lastSeed");

        var verdictText = reader.String($"{path}:verdict", required: true);
        var verdict = ClaimVerdict.Inconclusive;
        // Any name the enum has, so a verdict added to it is accepted here unchanged; numbers are not names.
        if (verdictText is not null && (!Enum.TryParse(verdictText, ignoreCase: true, out verdict) || int.TryParse(verdictText, out _)))
            reader.Error($"{path}:verdict", $"expected supported, refuted, negligible or inconclusive, found '{verdictText}'");

        var kindText = reader.String($"{path}:kind", required: true);
        var kind = kindText?.ToLowerInvariant() switch
        {
            "snapshot" => RegistrationKind.Snapshot,
            "preregistered" => RegistrationKind.Preregistered,
            "post hoc" or "post-hoc" => RegistrationKind.PostHoc,
            _ => (RegistrationKind?)null,
        };
        if (kindText is not null && kind is null)
            reader.Error($"{path}:kind", $"expected snapshot, preregistered or post hoc, found '{kindText}'");

        int? seeds = null;
        string? profile = null;
        if (kind == RegistrationKind.Snapshot)
        {
            if (!reader.Has($"{path}:seeds")) reader.Error($"{path}:seeds",
                "missing; a snapshot records how many seeds its verdict was measured on (an integer >= 1)");
            else seeds = reader.Int($"{path}:seeds", 0, 1);
            var profileText = reader.String($"{path}:profile", required: true);
            profile = profileText is null ? null : NumericsProfile.Find(profileText)?.Name;
            if (profileText is not null && profile is null)
                reader.Error($"{path}:profile",
                    $"expected the numerics profile the verdict was measured under, {NumericsProfile.Names}, found '{profileText}'");
        }
        else
            foreach (var key in new[] { "seeds", "profile" }.Where(k => reader.Has($"{path}:{k}")))
                reader.Error($"{path}:{key}", kind == RegistrationKind.PostHoc
                    ? "a post hoc registration has none: it predicts the seeds after lastSeed, not a measured verdict"
                    : "a pre-registration has none: it is recorded before any run of the claim exists");
        int? lastSeed = null;
        if (kind == RegistrationKind.PostHoc)
        {
            if (reader.Has($"{path}:lastSeed")) lastSeed = reader.Int($"{path}:lastSeed", 0, 1);
            else reader.Error($"{path}:lastSeed", "missing; a post hoc registration records the largest seed that had run");
        }
        else if (reader.Has($"{path}:lastSeed"))
            reader.Error($"{path}:lastSeed", "only a post hoc registration has one");

        var date = ReadDate(reader, $"{path}:date");
        var commit = ReadCommit(reader, $"{path}:commit");

        var inference = reader.String($"{path}:inference");
        int? look = reader.Has($"{path}:look") ? reader.Int($"{path}:look", 1, 1) : null;
        var plan = reader.Has($"{path}:plan") ? PlanJson.Read(reader, $"{path}:plan") : null;
        if ((look is null) != (plan is null))
            reader.Error($"{path}:{(look is null ? "look" : "plan")}", "missing; a verdict a sequential run reached records both " +
                "the look that reached it and the plan it belongs to");
        return new Registration(verdict, kind ?? RegistrationKind.Snapshot, seeds, profile, date, commit, inference, look, plan, lastSeed);
    }

    /// <summary>A band's or plan's <c>"declared"</c> object; absent: <see cref="Declaration.Unrecorded"/>.</summary>
    public static Declaration ReadDeclaration(ConfigReader reader, string path)
    {
        if (!reader.Has(path)) return Declaration.Unrecorded;
        reader.OnlyKeys(path, "kind", "date", "commit", "lastSeed");
        var kindText = reader.String($"{path}:kind", required: true);
        var kind = kindText?.ToLowerInvariant() switch
        {
            "preregistered" => DeclarationKind.Preregistered,
            "post hoc" or "post-hoc" => DeclarationKind.PostHoc,
            _ => (DeclarationKind?)null,
        };
        if (kindText is not null && kind is null) reader.Error($"{path}:kind", $"expected preregistered or post hoc, found '{kindText}'");
        var date = ReadDate(reader, $"{path}:date");
        var commit = ReadCommit(reader, $"{path}:commit");
        int? lastSeed = null;
        if (kind == DeclarationKind.PostHoc)
        {
            if (reader.Has($"{path}:lastSeed")) lastSeed = reader.Int($"{path}:lastSeed", 0, 0);
            else reader.Error($"{path}:lastSeed", "missing; a post hoc declaration records the largest seed that had run, so later " +
                "seeds can confirm what it decides");
        }
        else if (kind == DeclarationKind.Preregistered && reader.Has($"{path}:lastSeed"))
            reader.Error($"{path}:lastSeed", "a pre-registration has none: it is recorded before any run exists");
        return new Declaration(kind ?? DeclarationKind.PostHoc, date, commit, lastSeed);
    }

    private static DateOnly ReadDate(ConfigReader reader, string path)
    {
        var text = reader.String(path, required: true);
        var date = default(DateOnly);
        if (text is not null
            && !DateOnly.TryParseExact(text, Registration.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            reader.Error(path, $"expected a date {Registration.DateFormat}, found '{text}'");
        return date;
    }

    private static string ReadCommit(ConfigReader reader, string path)
    {
        var commit = reader.String(path, required: true);
        if (commit is not null && !CommitHash().IsMatch(commit))
            reader.Error(path, $"expected a git commit hash (7 to 40 hexadecimal digits), found '{commit}'");
        return commit ?? "";
    }

    [GeneratedRegex("^[0-9a-fA-F]{7,40}$")]
    private static partial Regex CommitHash();
}
