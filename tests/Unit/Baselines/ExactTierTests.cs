using Harness.Baselines;

namespace Harness.Tests.Unit.Baselines;

public sealed class ExactTierTests
{
    private BaselineFixtures _files = null!;

    [SetUp] public void Create() => _files = new BaselineFixtures();
    [TearDown] public void Delete() => _files.Dispose();

    private void Verify(Harness.History.RunResult result) =>
        File.WriteAllText(_files.Baselines().VerifiedPath(result.RunId), ExactBaseline.Serialize(result));

    [Test]
    public void Identical_history_in_the_same_environment_matches()
    {
        var result = BaselineFixtures.Result();
        Verify(result);
        var outcome = ExactTier.Verify(result, _files.Baselines());
        Assert.That(outcome.Verdict, Is.EqualTo(ExactVerdict.Match), outcome.Message);
    }

    [Test]
    public void A_changed_number_in_the_verified_file_is_a_regression_with_the_epoch_table()
    {
        var result = BaselineFixtures.Result();
        Verify(result);
        var path = _files.Baselines().VerifiedPath(result.RunId);
        var original = Harness.History.RunResultJson.Format(result.History.ValLoss[2]);
        File.WriteAllText(path, File.ReadAllText(path).Replace(original, "0.123456789", StringComparison.Ordinal));

        var outcome = ExactTier.Verify(result, _files.Baselines());

        Assert.That(outcome.Verdict, Is.EqualTo(ExactVerdict.Regression));
        Assert.That(outcome.Message, Does.Contain("| metric | epoch | baseline | current | difference |")
            .And.Contain($"| val_loss | 3 | 0.123456789 | {original} |"));
        Assert.That(File.Exists(_files.Baselines().ReceivedPath(result.RunId)), Is.True, "a received file is written beside it");
        Assert.That(File.ReadAllText(path), Does.Contain("0.123456789"), "the verified file is never changed implicitly");
    }

    [Test]
    public void A_difference_a_second_training_repeats_is_a_regression()
    {
        var baseline = BaselineFixtures.Result();
        Verify(baseline);
        var changed = BaselineFixtures.Result(shift: 1e-6);

        var outcome = ExactTier.Verify(changed, _files.Baselines(), retrain: () => changed);

        Assert.That(outcome.Verdict, Is.EqualTo(ExactVerdict.Regression));
    }

    [Test]
    public void A_difference_a_second_training_does_not_repeat_is_a_determinism_failure()
    {
        var baseline = BaselineFixtures.Result();
        Verify(baseline);
        var glitch = BaselineFixtures.Result(shift: 1e-6);

        var outcome = ExactTier.Verify(glitch, _files.Baselines(), retrain: () => baseline);

        Assert.That(outcome.Verdict, Is.EqualTo(ExactVerdict.Nondeterministic));
        Assert.That(TierResults.Of(outcome.Verdict), Is.EqualTo(TierResult.Fail), "the profile promised the same bits every time");
        Assert.That(outcome.Message, Does.StartWith("Determinism failure: the first training differed").And.Contain("| loss | 1 |"));
        Assert.That(outcome.Replacement, Is.SameAs(baseline));
        Assert.That(File.Exists(_files.Baselines().ReceivedPath(baseline.RunId)), Is.False, "no received file: there is nothing to accept");
    }

    [Test]
    public void Accepting_never_writes_a_history_a_second_training_does_not_reproduce()
    {
        var first = BaselineFixtures.Result();
        var second = BaselineFixtures.Result(shift: 1e-6);

        var outcome = ExactTier.Verify(first, _files.Baselines(accept: true), retrain: () => second);

        Assert.That(outcome.Verdict, Is.EqualTo(ExactVerdict.Nondeterministic));
        Assert.That(File.Exists(_files.Baselines().VerifiedPath(first.RunId)), Is.False);
        Assert.That(ExactTier.Verify(first, _files.Baselines(accept: true), retrain: () => first).Verdict,
            Is.EqualTo(ExactVerdict.Accepted));
    }

    [Test]
    public void A_missing_baseline_fails_and_writes_the_received_file()
    {
        var result = BaselineFixtures.Result();
        var outcome = ExactTier.Verify(result, _files.Baselines());

        Assert.That(outcome.Verdict, Is.EqualTo(ExactVerdict.Missing));
        Assert.That(File.ReadAllText(_files.Baselines().ReceivedPath(result.RunId)), Is.EqualTo(ExactBaseline.Serialize(result)));
        Assert.That(File.Exists(_files.Baselines().VerifiedPath(result.RunId)), Is.False);
    }

    [Test]
    public void Accept_promotes_received_to_verified()
    {
        var result = BaselineFixtures.Result();
        ExactTier.Verify(result, _files.Baselines());

        var accepted = _files.Baselines().Accept(result.RunId);

        Assert.That(accepted, Is.EqualTo(new[] { _files.Baselines().VerifiedPath(result.RunId) }));
        Assert.That(File.Exists(_files.Baselines().ReceivedPath(result.RunId)), Is.False);
        Assert.That(ExactTier.Verify(result, _files.Baselines()).Verdict, Is.EqualTo(ExactVerdict.Match));
    }

    [Test]
    public void Accept_mode_writes_verified_directly_and_identical_results_change_no_byte()
    {
        var result = BaselineFixtures.Result();
        Assert.That(ExactTier.Verify(result, _files.Baselines(accept: true)).Verdict, Is.EqualTo(ExactVerdict.Accepted));
        var path = _files.Baselines().VerifiedPath(result.RunId);
        var before = File.ReadAllBytes(path);

        // A second run with identical numbers but another wall time.
        Assert.That(ExactTier.Verify(result with { Seconds = 99 }, _files.Baselines(accept: true)).Verdict, Is.EqualTo(ExactVerdict.Match));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
        Assert.That(before, Does.Not.Contain((byte)'\r'));
    }

    [Test]
    public void Identical_numbers_in_a_differently_formatted_file_are_reported_as_format_drift()
    {
        var result = BaselineFixtures.Result();
        var path = _files.Baselines().VerifiedPath(result.RunId);
        File.WriteAllText(path, ExactBaseline.Serialize(result).Replace("\n", "\r\n", StringComparison.Ordinal));

        var outcome = ExactTier.Verify(result, _files.Baselines());

        Assert.That(outcome.Verdict, Is.EqualTo(ExactVerdict.Regression));
        Assert.That(outcome.Message, Does.StartWith("Identical numbers, but"));
    }

    [Test]
    public void Ci_never_accepts()
    {
        var result = BaselineFixtures.Result();
        var policy = BaselinePolicy.From(ci: "true", accept: "1");
        Assert.That(policy.Accept, Is.False);

        var store = new BaselineFolder(_files.Directory, policy);
        Assert.That(ExactTier.Verify(result, store).Verdict, Is.EqualTo(ExactVerdict.Missing));
        Assert.That(File.Exists(store.VerifiedPath(result.RunId)), Is.False);
        Assert.Throws<InvalidOperationException>(() => store.Accept());
    }

    [Test]
    public void A_missing_baseline_says_how_to_accept_and_on_ci_where_to_instead()
    {
        var result = BaselineFixtures.Result();
        var local = ExactTier.Verify(result, new BaselineFolder(_files.Directory, BaselinePolicy.From(ci: null, accept: null)));
        Assert.That(local.Message, Does.EndWith(
            $"review it, then accept it: HARNESS_ACCEPT=1 dotnet test, or harness accept --run {result.RunId}."));

        var onCi = ExactTier.Verify(result, new BaselineFolder(_files.Directory, BaselinePolicy.From(ci: "true", accept: null)));
        Assert.That(onCi.Message, Does.EndWith(
            $"review it, then accept it where CI is not set (HARNESS_ACCEPT=1 dotnet test, or harness accept --run {result.RunId}) " +
            "and commit the verified file; with CI=true nothing is accepted."));
    }

    [Test]
    public void Other_library_versions_are_not_comparable_and_say_what_differs()
    {
        Verify(BaselineFixtures.Result());
        var outcome = ExactTier.Verify(BaselineFixtures.Result(fingerprint: BaselineFixtures.Elsewhere, shift: 0.5), _files.Baselines());

        Assert.That(outcome.Verdict, Is.EqualTo(ExactVerdict.NotComparable));
        Assert.That(outcome.Message, Does.StartWith("Not comparable: libtorch: 2.10.0.0 (baseline) vs 2.11.0 (current)."));
    }

    [Test]
    public void Under_the_portable_profile_another_cpu_vendor_and_model_are_compared_bit_for_bit()
    {
        Verify(BaselineFixtures.Result());

        Assert.That(ExactTier.Verify(BaselineFixtures.Result(fingerprint: BaselineFixtures.OtherCpu), _files.Baselines()).Verdict,
            Is.EqualTo(ExactVerdict.Match));
        Assert.That(ExactTier.Verify(BaselineFixtures.Result(fingerprint: BaselineFixtures.OtherCpu, shift: 1e-9), _files.Baselines())
            .Verdict,
            Is.EqualTo(ExactVerdict.Regression), "compared, so a difference fails");
        Assert.That(ExactBaseline.Serialize(BaselineFixtures.Result(fingerprint: BaselineFixtures.OtherCpu)),
            Is.EqualTo(ExactBaseline.Serialize(BaselineFixtures.Result())), "a baseline's bytes do not depend on " +
                "the machine that accepted it");
    }

    [Test]
    public void Under_the_native_profile_another_cpu_is_not_comparable()
    {
        Verify(BaselineFixtures.Result(fingerprint: BaselineFixtures.NativeHere));
        var amd = BaselineFixtures.NativeHere with
        {
            MklAutoBranch = "AUTO", MklCpuType = 0, CpuVendor = "AuthenticAMD", CpuModel = "AMD EPYC-Rome Processor",
        };

        var outcome = ExactTier.Verify(BaselineFixtures.Result(fingerprint: amd), _files.Baselines());

        Assert.That(outcome.Verdict, Is.EqualTo(ExactVerdict.NotComparable));
        Assert.That(outcome.Message, Does.Contain("mkl_auto_branch: AVX512_E1 (baseline) vs AUTO (current)")
            .And.Contain("mkl_cpu_type: 14 (baseline) vs 0 (current)")
            .And.Contain("cpu_vendor: GenuineIntel (baseline) vs AuthenticAMD (current)")
            .And.Contain("cpu_model: Intel(R) Xeon(R) Processor (baseline) vs AMD EPYC-Rome Processor (current)"));
    }

    [Test]
    public void A_baseline_of_another_profile_is_not_comparable()
    {
        Verify(BaselineFixtures.Result());
        var outcome = ExactTier.Verify(BaselineFixtures.Result(fingerprint: BaselineFixtures.NativeHere), _files.Baselines());

        Assert.That(outcome.Verdict, Is.EqualTo(ExactVerdict.NotComparable));
        Assert.That(outcome.Message, Does.StartWith("Not comparable: numerics: portable (baseline) vs native (current)."));
    }

    [TestCase("{ not json", ":1:3: not valid JSON: 'n' is an invalid start of a property name.")]
    [TestCase("""{"runId":"layers-3_dropout-0.2_n-1000_epochs-4_seed-1","fingerprint":{},"history":{}}""",
        "fingerprint is missing 'numerics'")]
    public void A_broken_baseline_fails_naming_the_file_and_the_problem(string content, string problem)
    {
        var result = BaselineFixtures.Result();
        File.WriteAllText(_files.Baselines().VerifiedPath(result.RunId), content);

        var error = Assert.Throws<BaselineFormatException>(() => ExactTier.Verify(result, _files.Baselines()));
        Assert.That(error.Message, Does.StartWith(_files.Baselines().VerifiedPath(result.RunId)).And.Contain(problem));
    }

    /// <summary>Counted from 1, as editors and every other file the harness reads count (System.Text.Json counts from 0).</summary>
    [Test]
    public void A_baseline_that_is_not_json_names_its_line_and_column_counted_from_1()
    {
        var result = BaselineFixtures.Result();
        var path = _files.Baselines().VerifiedPath(result.RunId);
        File.WriteAllText(path, "{\n  \"runId\": oops }");

        var error = Assert.Throws<BaselineFormatException>(() => ExactTier.Verify(result, _files.Baselines()));
        Assert.That(error.Message, Is.EqualTo($"{path}:2:12: not valid JSON: 'o' is an invalid start of a value."),
            "the 'o' of oops: line 2, column 12");
        Assert.That(error.Path, Is.EqualTo(path));
    }

    [TestCase("\"val_acc\": [", "\"val_acc_renamed\": [", "history is missing metric 'val_acc'")]
    [TestCase("\"numerics\": \"portable\"", "\"numerics\": \"fast\"", "fingerprint.numerics is 'fast', expected portable or native")]
    [TestCase("\"mkl\": ", "\"cpu_model\": \"Xeon\", \"mkl\": ",
        "fingerprint has 'cpu_model', which the 'portable' profile does not compare")]
    [TestCase("\"mkl_cbwr\": ", "\"mkl_cbwr_\": ", "fingerprint is missing 'mkl_cbwr'")]
    public void A_hand_edited_baseline_fails_naming_the_file_and_the_problem(string find, string replace, string problem)
    {
        var result = BaselineFixtures.Result();
        var path = _files.Baselines().VerifiedPath(result.RunId);
        File.WriteAllText(path, ExactBaseline.Serialize(result).Replace(find, replace, StringComparison.Ordinal));

        var error = Assert.Throws<BaselineFormatException>(() => ExactTier.Verify(result, _files.Baselines()));
        Assert.That(error.Message, Does.StartWith(path).And.Contain(problem));
    }

    [Test]
    public void Histories_of_unequal_length_are_rejected()
    {
        var result = BaselineFixtures.Result();
        var path = _files.Baselines().VerifiedPath(result.RunId);
        var text = ExactBaseline.Serialize(result);
        var accStart = text.IndexOf("\"acc\": [", StringComparison.Ordinal) + "\"acc\": [".Length;
        var firstNumberEnd = text.IndexOf(',', accStart);
        File.WriteAllText(path, text.Remove(accStart, firstNumberEnd + 1 - accStart));

        var error = Assert.Throws<BaselineFormatException>(() => ExactTier.Verify(result, _files.Baselines()));
        Assert.That(error.Message, Does.Contain("all the same length").And.Contain("acc: 3"));
    }
}
