using Harness.Settings;

namespace Harness.Config;

/// <summary>
/// How the report's figures are faceted: one file per value of <see cref="Files"/>, one column of panels per value of
/// <see cref="Columns"/>, one line per configuration in each panel, coloured and ordered by <see cref="Lines"/> (which is also the
/// gap figure's x axis). Each is a declared axis or null (no split). Runs of different configurations are never averaged
/// into one line, whatever the layout says.
/// </summary>
internal sealed record FigureLayout(RunSetting? Files, RunSetting? Columns, RunSetting? Lines);
