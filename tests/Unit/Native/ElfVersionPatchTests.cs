using Harness.Native;

namespace Harness.Tests.Unit.Native;

public sealed class ElfVersionPatchTests
{
    private static string ShippedLibTorchSharp =>
        Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    [Test]
    public void Marks_only_the_named_version_weak()
    {
        var original = File.ReadAllBytes(ShippedLibTorchSharp);

        var patched = ElfVersionPatch.MarkVersionWeak(original, "GLIBCXX_3.4.32", ShippedLibTorchSharp);

        Assert.That(patched, Is.Not.Null);
        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched![i]).ToList();
        Assert.That(changed, Has.Count.EqualTo(1), "one byte: the low byte of vna_flags");
        Assert.That(patched![changed[0]] & 0x2, Is.EqualTo(0x2), "VER_FLG_WEAK set");
    }

    [Test]
    public void Returns_null_when_the_version_is_not_required()
    {
        var original = File.ReadAllBytes(ShippedLibTorchSharp);
        Assert.That(ElfVersionPatch.MarkVersionWeak(original, "GLIBCXX_9.9.99", ShippedLibTorchSharp), Is.Null);
    }

    [Test]
    public void Rejects_a_file_that_is_not_elf()
    {
        var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatch.MarkVersionWeak(new byte[100], "GLIBCXX_3.4.32", "x.so"));
        Assert.That(error.Message, Does.Contain("x.so").And.Contain("not an ELF"));
    }
}
