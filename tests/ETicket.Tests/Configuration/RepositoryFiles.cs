using System.Runtime.CompilerServices;

namespace ETicket.Tests.Configuration;

/// <summary>Files of this repository, found from where this source file is (the tests read the repository, not the build output).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
