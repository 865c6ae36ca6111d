namespace CodeMetrics.Tests;

public class SourceFilesTests
{
    [Fact]
    public void Counts_only_lines_with_something_on_them() =>
        Assert.Equal(3, SourceFiles.CountLines("class A\r\n{\r\n   \r\n\t\n}\r\n"));

    [Theory]
    [InlineData("src/Domain/Persistence/Migrations/Sqlite/20250101_Init.cs", true)]
    [InlineData("src/Domain/Persistence/MigrationsHelper.cs", false)]
    [InlineData("src/Domain/Migrations.cs", false)]
    public void Recognises_migrations_by_folder(string path, bool expected) =>
        Assert.Equal(expected, SourceFiles.IsMigration(path));

    [Theory]
    [InlineData("src/Graph/obj/Release/net10.0/ETicket.Graph.GlobalUsings.g.cs", true)]
    [InlineData("src/Graph/bin/x.cs", true)]
    [InlineData("src/Graph/Objects/ObjType.cs", false)]
    public void Recognises_build_output_by_folder(string path, bool expected) =>
        Assert.Equal(expected, SourceFiles.IsBuildOutput(path));

    [Fact]
    public void Knows_a_files_folder_and_project()
    {
        var file = new SourceFile("src/Domain/Listings/Querying/ListingFilters.cs", 10, false);
        Assert.Equal("src/Domain/Listings/Querying", file.Folder);
        Assert.Equal("src/Domain", file.Project);
    }
}
