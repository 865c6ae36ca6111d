using System.Globalization;
using System.Text.Json;
using GraphQL;

namespace ETicket.Graph.Transport.Uploads;

/// <summary>
/// The multipart request's <c>map</c>: for each file part, the places in the variables where the file
/// goes, as object paths (<c>"variables.input.file"</c>, <c>"variables.files.0"</c>). Each place
/// must hold <c>null</c> in the client's variables, standing in for the file.
/// </summary>
public sealed class UploadMap
{
    /// <summary>Path segments, "variables" included: deeper than any input of the schema needs.</summary>
    public const int MaxPathSegments = 16;

    private const string Root = "variables";
    private const string Example = "e.g. {\"0\":[\"variables.input.file\"]}";

    private readonly Dictionary<string, List<string>> _paths;

    private UploadMap(Dictionary<string, List<string>> paths) => _paths = paths;

    /// <summary>Whether the map names this file part.</summary>
    public bool Names(string part) => _paths.ContainsKey(part);

    /// <summary>Reads the map's JSON; more entries than <paramref name="maxFiles"/> get 413, anything malformed 400.</summary>
    public static UploadMap Parse(JsonElement map, int maxFiles)
    {
        if (map.ValueKind != JsonValueKind.Object)
            throw Problem($"`map` must be a JSON object from file part names to arrays of paths, {Example}.");
        var paths = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in map.EnumerateObject())
        {
            if (paths.Count == maxFiles)
                throw TooManyFiles(maxFiles);
            if (entry.Value.ValueKind != JsonValueKind.Array || entry.Value.GetArrayLength() == 0
                || entry.Value.EnumerateArray().Any(path => path.ValueKind != JsonValueKind.String))
                throw Problem($"`map` entry `{entry.Name}` must be a non-empty array of paths, {Example}.");
            var list = entry.Value.EnumerateArray().Select(path => path.GetString()!).ToList();
            foreach (var path in list)
                Segments(path);
            paths[entry.Name] = list;
        }
        return new UploadMap(paths);
    }

    /// <summary>
    /// The variables with each file at its places. Every file part must be in the map and every map
    /// entry must name a file part that arrived: a file nobody placed or a place with no file is a mistake.
    /// </summary>
    public Inputs? Place(Inputs? variables, IReadOnlyDictionary<string, UploadedFile> files)
    {
        if (_paths.Keys.FirstOrDefault(part => !files.ContainsKey(part)) is { } missing)
            throw Problem($"`map` names the file part `{missing}`, which the request does not have.");
        if (files.Keys.FirstOrDefault(part => !_paths.ContainsKey(part)) is { } unmapped)
            throw Problem($"The file part `{unmapped}` is not named in `map`.");
        if (_paths.Count == 0)
            return variables;

        // Inputs is read-only at the top; the nested objects and lists it holds are not.
        var root = variables is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(variables);
        foreach (var (part, paths) in _paths)
        {
            foreach (var path in paths)
                Set(root, path, files[part]);
        }
        return new Inputs(root);
    }

    public static RequestProblem TooManyFiles(int maxFiles) =>
        new(StatusCodes.Status413PayloadTooLarge, $"A request may carry at most {maxFiles} files.");

    /// <summary>The path's segments after "variables"; a path that does not point inside the variables is refused.</summary>
    private static string[] Segments(string path)
    {
        var segments = path.Split('.');
        if (segments.Length > MaxPathSegments)
            throw Problem($"The path `{Shown(path)}` in `map` is deeper than {MaxPathSegments} levels.");
        if (segments.Length < 2 || segments[0] != Root || segments.Any(segment => segment.Length == 0))
            throw Problem($"The path `{Shown(path)}` in `map` must point inside the variables, e.g. \"variables.input.file\" or \"variables.files.0\".");
        return segments[1..];
    }

    private static void Set(Dictionary<string, object?> root, string path, UploadedFile file)
    {
        var segments = Segments(path);
        object? container = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            switch (container)
            {
                case IDictionary<string, object?> obj when obj.TryGetValue(segments[i], out var value):
                    if (last)
                        obj[segments[i]] = Placed(value);
                    container = value;
                    break;
                case IList<object?> list when int.TryParse(segments[i], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Count:
                    if (last)
                        list[index] = Placed(list[index]);
                    container = list[index];
                    break;
                default:
                    throw Problem($"The path `{Shown(path)}` in `map` names nothing in the variables: "
                        + $"`{string.Join('.', [Root, .. segments[..(i + 1)]])}` does not exist; put a null there for the file.");
            }
        }

        UploadedFile Placed(object? value) => value is null
            ? file
            : throw Problem($"The path `{Shown(path)}` in `map` must point at a null in the variables (the file's placeholder), not at a value.");
    }

    // Client text in a message: bounded, so a huge path does not come back whole.
    private static string Shown(string path) => path.Length <= 200 ? path : path[..200] + "…";

    private static RequestProblem Problem(string message) => new(StatusCodes.Status400BadRequest, message);
}
