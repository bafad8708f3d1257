namespace Harness.Settings;

/// <summary>What values a run setting takes, which decides how its text is parsed and whether it can carry a trend.</summary>
internal enum SettingKind
{
    Integer,
    Number,
    Boolean,
    Choice,
}
