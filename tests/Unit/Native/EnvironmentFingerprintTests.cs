using Harness.Native;

namespace Harness.Tests.Unit.Native;

/// <summary>The fingerprint is read from the libraries in force, here under the default (portable) profile.</summary>
public sealed class EnvironmentFingerprintTests
{
    private static EnvironmentFingerprint Here => EnvironmentFingerprint.Current();

    [Test]
    public void Mkl_reports_the_portable_cnr_branch_and_aten_its_avx2_kernels()
    {
        Assert.That(Here.Numerics, Is.EqualTo("portable"));
        Assert.That(Here.MklCbwr, Is.EqualTo("AVX2,STRICT"), "read from mkl_serv_cbwr_get, not from the variable that asked for it");
        Assert.That(Here.CpuCapability, Is.EqualTo("AVX2"));
        Assert.That(Here.IntraOpThreads, Is.EqualTo(1));
        Assert.That(Here.Mkl, Does.Match(@"^\d{4}\.\d+\S* Build \d{8}$"));
    }

    [Test]
    public void Mkl_asks_the_vendor_override_which_answers_intel()
    {
        Assert.That(MklVendorOverride.Queries(), Is.GreaterThan(0),
            "libtorch's MKL must bind its vendor check to the override library; zero questions means it never did");
        Assert.That(Here.MklVendorOverride, Is.EqualTo(EnvironmentFingerprint.On));
    }

    [Test]
    public void The_cpu_is_read_from_cpuid()
    {
        Assert.That(Here.CpuVendor, Is.AnyOf("GenuineIntel", "AuthenticAMD"));
        Assert.That(Here.CpuFlags.Split(' '), Does.Contain("avx2").And.Contain("fma"));
        var vendorId = File.ReadLines("/proc/cpuinfo").First(l => l.StartsWith("vendor_id", StringComparison.Ordinal)).Split(':')[1].Trim();
        Assert.That(Here.CpuVendor, Is.EqualTo(vendorId), "not emulated here, so CPUID and /proc/cpuinfo agree");
        Assert.That(Here.Glibc, Does.Match(@"^\d+\.\d+"));
    }

    [Test]
    public void The_comparable_part_is_the_profiles_rule_in_its_order()
    {
        var comparable = Here.Comparable();
        Assert.That(comparable.Fields.Select(f => f.Name), Is.EqualTo(NumericsProfile.Portable.ComparableFields));
        Assert.That(comparable.Numerics, Is.EqualTo("portable"));
        Assert.That(comparable.Value("mkl_cbwr"), Is.EqualTo("AVX2,STRICT"));
    }

    [TestCase(0x1000a, "AVX2,STRICT")]
    [TestCase(0x10002, "AUTO,STRICT")]
    [TestCase(1, "BRANCH_OFF")]
    [TestCase(14, "AVX512_E1")]
    [TestCase(3, "COMPATIBLE")]
    public void Mkl_cnr_settings_read_as_mkl_cbwr_spells_them(int setting, string expected) =>
        Assert.That(MklState.Describe(setting), Is.EqualTo(expected));

    [Test]
    public void The_mkl_version_string_is_shortened_to_version_and_build()
    {
        Assert.That(
            MklState.ShortVersion("Intel(R) oneAPI Math Kernel Library Version 2024.2-Product Build 20240605 for Intel(R) " +
                "64 architecture applications"),
            Is.EqualTo("2024.2-Product Build 20240605"));
    }
}
