using Harness.Claims;
using Harness.Config;

namespace Harness.Tests.Unit.Claims;

/// <summary>Registrations are recorded by rewriting claims.json in place: only <c>expected</c> changes, nothing else moves.</summary>
public sealed class RegistrationWriterTests
{
    private string _folder = null!;

    [SetUp] public void CreateFolder() =>
        Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "harness-registration-" + Guid.NewGuid().ToString("N")));
    [TearDown] public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Replaces_only_the_named_claims_registrations_and_keeps_every_other_key_in_place()
    {
        var path = Path.Combine(_folder, "claims.json");
        File.WriteAllText(path, """
            { "alpha": 0.05, "claims": [
              { "id": "a", "statement": "it's 'quoted' — and ρ > 0", "expected": "supported", "reason": "r", "parts": [ { "name": "all" } ] },
              { "id": "b", "expected": { "verdict": "refuted", "kind": "snapshot", "seeds": 5, "profile": "native", "date": "2026-01-02", "commit": "abcdef1" } } ],
              "published": { "note": "n" } }
            """);

        RegistrationWriter.Write(path, new Dictionary<string, Registration>
        {
            ["a"] = Registration.Snapshot(ClaimVerdict.Inconclusive, 6, "portable", new DateOnly(2026, 11, 28), "0123abc"),
        });

        Assert.That(File.ReadAllText(path), Is.EqualTo("""
            {
              "alpha": 0.05,
              "claims": [
                {
                  "id": "a",
                  "statement": "it's 'quoted' — and ρ > 0",
                  "expected": {
                    "verdict": "inconclusive",
                    "kind": "snapshot",
                    "seeds": 6,
                    "profile": "portable",
                    "date": "2026-11-28",
                    "commit": "0123abc",
                    "inference": "exact-3"
                  },
                  "reason": "r",
                  "parts": [
                    {
                      "name": "all"
                    }
                  ]
                },
                {
                  "id": "b",
                  "expected": {
                    "verdict": "refuted",
                    "kind": "snapshot",
                    "seeds": 5,
                    "profile": "native",
                    "date": "2026-01-02",
                    "commit": "abcdef1"
                  }
                }
              ],
              "published": {
                "note": "n"
              }
            }

            """.ReplaceLineEndings("\n")), "indented, LF, text as typed; other claims and keys untouched and in their order");
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { path }), "no temporary file left behind");
    }

    [Test]
    public void Recording_the_registrations_a_file_already_has_changes_no_byte()
    {
        var shipped = Path.Combine(ExperimentFiles.ShippedExperiments, ExperimentLoader.DefaultExperiment, ExperimentFiles.ClaimsFile);
        var path = Path.Combine(_folder, ExperimentFiles.ClaimsFile);
        File.Copy(shipped, path);
        var claims = ClaimLoader.Load(ExperimentLoader.Load(ExperimentLoader.DefaultExperiment)).All;

        RegistrationWriter.Write(path, claims.ToDictionary(c => c.Id, c => c.Registration));

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(File.ReadAllBytes(shipped)));
    }

    [Test]
    public void A_claim_id_the_file_does_not_have_is_an_error_and_nothing_is_written()
    {
        var path = Path.Combine(_folder, "claims.json");
        const string content = """{ "claims": [ { "id": "a" } ] }""";
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvalidDataException>(() => RegistrationWriter.Write(path, new Dictionary<string, Registration>
        {
            ["z"] = Registration.Preregistered(ClaimVerdict.Supported, new DateOnly(2026, 11, 28), "0123abc"),
        }))!;

        Assert.That(error.Message, Is.EqualTo($"{path}: no claim has the id 'z'"));
        Assert.That(File.ReadAllText(path), Is.EqualTo(content));
    }
}
