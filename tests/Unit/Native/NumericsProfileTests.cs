using Harness.Native;
using Harness.Tests.Unit.Baselines;

namespace Harness.Tests.Unit.Native;

/// <summary>What each profile asks of the environment, and what it refuses.</summary>
public sealed class NumericsProfileTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Test]
    public void An_empty_environment_or_one_that_agrees_conflicts_with_no_profile()
    {
        foreach (var profile in NumericsProfile.All)
            Assert.That(profile.Conflicts(Environment()), Is.Empty, profile.Name);
        Assert.That(NumericsProfile.Portable.Conflicts(Environment(("MKL_CBWR", "avx2,strict"), ("OMP_NUM_THREADS", "1"))), Is.Empty,
            "MKL reads the value case-insensitively");
    }

    [Test]
    public void A_variable_that_disagrees_is_named_with_what_the_profile_sets()
    {
        var conflicts =
            NumericsProfile.Portable.Conflicts(
                Environment(("MKL_CBWR", "AUTO"), ("MKL_NUM_THREADS", "4"), ("MKL_ENABLE_INSTRUCTIONS", "AVX2")));

        Assert.That(conflicts, Is.EqualTo(new[]
        {
            "MKL_CBWR=AUTO is set, but the 'portable' numerics profile sets MKL_CBWR=AVX2,STRICT",
            "MKL_NUM_THREADS=4 is set, but the 'portable' numerics profile sets MKL_NUM_THREADS=1",
            "MKL_ENABLE_INSTRUCTIONS=AVX2 is set, but the 'portable' numerics profile leaves it unset",
        }));
    }

    [Test]
    public void The_native_profile_refuses_an_isa_cap_it_does_not_set()
    {
        Assert.That(NumericsProfile.Native.Conflicts(Environment(("ATEN_CPU_CAPABILITY", "avx2"))),
            Is.EqualTo(new[] { "ATEN_CPU_CAPABILITY=avx2 is set, but the 'native' numerics profile leaves it unset" }));
    }

    [Test]
    public void The_state_in_force_must_be_what_the_profile_asked_for()
    {
        Assert.That(NumericsProfile.Portable.Violations(BaselineFixtures.Here), Is.Empty);
        Assert.That(NumericsProfile.Native.Violations(BaselineFixtures.NativeHere), Is.Empty);

        var noOverride = BaselineFixtures.Here with { MklVendorOverride = EnvironmentFingerprint.Off };
        Assert.That(NumericsProfile.Portable.Violations(noOverride).Single(), Does.Contain("MKL's vendor check is not overridden")
            .And.Contain("mkl_serv_intel_cpu_true"));

        var noAvx2 = BaselineFixtures.Here with { MklCbwr = "BRANCH_OFF", CpuCapability = "DEFAULT" };
        Assert.That(NumericsProfile.Portable.Violations(noAvx2), Is.EqualTo(new[]
        {
            "MKL's CNR mode in force is BRANCH_OFF, expected AVX2,STRICT (does this CPU have AVX2 and FMA?)",
            "ATen's kernels in use are DEFAULT, expected AVX2",
        }));

        Assert.That(NumericsProfile.Native.Violations(BaselineFixtures.NativeHere with { MklVendorOverride = EnvironmentFingerprint.On })
            .Single(),
            Does.Contain("overridden, but this profile uses MKL's own choice"));
    }

    [Test]
    public void Profiles_are_found_by_name_and_the_default_is_portable()
    {
        Assert.That(NumericsProfile.Default, Is.SameAs(NumericsProfile.Portable));
        Assert.That(NumericsProfile.Find(" Native "), Is.SameAs(NumericsProfile.Native));
        Assert.That(NumericsProfile.Find("fast"), Is.Null);
    }

    [Test]
    public void Every_field_a_rule_compares_is_a_fingerprint_field()
    {
        foreach (var profile in NumericsProfile.All)
            Assert.That(EnvironmentFingerprint.FieldNames, Is.SupersetOf(profile.ComparableFields), profile.Name);
        Assert.That(NumericsProfile.Native.ComparableFields, Is.SupersetOf(NumericsProfile.Portable.ComparableFields),
            "native compares at least what portable does");
        Assert.That(NumericsProfile.Portable.ComparableFields, Has.None.AnyOf("cpu_vendor", "cpu_model", "cpu_flags", "mkl_cpu_type"),
            "portable compares no CPU identity");
    }
}
