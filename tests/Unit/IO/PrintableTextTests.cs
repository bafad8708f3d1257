using Harness.IO;

namespace Harness.Tests.Unit.IO;

public sealed class PrintableTextTests
{
    [Test]
    public void Control_and_invisible_characters_are_shown_as_escapes_not_sent()
    {
        Assert.That(PrintableText.Inline("\u001b[2Jred\u0007 \u009b31m \u202egnp.exe \u2066x\u2069 a\u200bb"),
            Is.EqualTo("\\x1B[2Jred\\x07 \\x9B31m \\u202Egnp.exe \\u2066x\\u2069 a\\u200Bb"));
    }

    [Test]
    public void Inline_text_never_begins_a_line_of_its_own()
    {
        Assert.That(PrintableText.Inline("a statement\n    ✓ Supported — forged\r\tend"),
            Is.EqualTo("a statement     ✓ Supported — forged  end"));
        Assert.That(PrintableText.Lines("line one\nline two\r"), Is.EqualTo("line one\nline two "));
    }

    [Test]
    public void Printable_text_is_left_as_it_is()
    {
        const string text = "ρ(layers, gap) = 1.00 [0.97, 1.00] — 方差变小, val_loss ≥ 0.1";
        Assert.That(PrintableText.Inline(text), Is.SameAs(text));
    }
}
