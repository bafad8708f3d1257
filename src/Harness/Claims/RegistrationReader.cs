using System.Globalization;
using System.Text.RegularExpressions;
using Harness.Config;
using Harness.Native;

namespace Harness.Claims;

/// <summary>
/// Reads a claim's <c>expected</c> object. A snapshot must say what it was measured on (seeds, numerics profile), a
/// pre-registration must not (nothing had run); both say when and at which commit, so the registration can be traced.
/// </summary>
internal static partial class RegistrationReader
{
    private const string Shape = "an object { \"verdict\", \"kind\": \"snapshot\" or \"preregistered\", \"date\", \"commit\" } " +
                                 "(a snapshot adds \"seeds\" and \"profile\")";

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
        reader.OnlyKeys(path, "verdict", "kind", "seeds", "profile", "date", "commit");

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
            _ => (RegistrationKind?)null,
        };
        if (kindText is not null && kind is null) reader.Error($"{path}:kind", $"expected snapshot or preregistered, found '{kindText}'");

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
        else if (kind == RegistrationKind.Preregistered)
            foreach (var key in new[] { "seeds", "profile" }.Where(k => reader.Has($"{path}:{k}")))
                reader.Error($"{path}:{key}", "a pre-registration has none: it is recorded before any run of the claim exists");

        var dateText = reader.String($"{path}:date", required: true);
        var date = default(DateOnly);
        if (dateText is not null
            && !DateOnly.TryParseExact(dateText, Registration.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            reader.Error($"{path}:date", $"expected a date {Registration.DateFormat}, found '{dateText}'");

        var commit = reader.String($"{path}:commit", required: true);
        if (commit is not null && !CommitHash().IsMatch(commit))
            reader.Error($"{path}:commit", $"expected a git commit hash (7 to 40 hexadecimal digits), found '{commit}'");

        return new Registration(verdict, kind ?? RegistrationKind.Snapshot, seeds, profile, date, commit ?? "");
    }

    [GeneratedRegex("^[0-9a-fA-F]{7,40}$")]
    private static partial Regex CommitHash();
}
