using System.Text.Json;
using Harness.IO;

namespace Harness.Baselines;

/// <summary>
/// Opens a baseline file as JSON (<see cref="JsonFile"/>); what is wrong with it is a <see
/// cref="BaselineFormatException"/>.
/// </summary>
internal static class BaselineJson
{
    public static JsonDocument Parse(string path)
    {
        try
        {
            return JsonFile.Parse(path);
        }
        catch (InvalidDataException e)
        {
            throw BaselineFormatException.Unreadable(path, e);
        }
    }
}
