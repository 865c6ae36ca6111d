using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using ETicket.Graph.Hosting;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Schema;

/// <summary>
/// Each role's schema, built in-process as the host builds it, against a committed snapshot: a module
/// registration that goes missing (or a field that changes) fails here, not only in the e2e suite.
/// The subgraphs' snapshots are <c>schema/members.graphql</c> and <c>schema/tickets.graphql</c>, their
/// <c>_service { sdl }</c> byte for byte (what scripts/update-schema.sh writes). The all-in-one schema
/// is committed sorted by graphql-js (<c>schema/all-in-one.graphql</c>), so its snapshot here is
/// GraphQL.NET's print of it, in the order it serves its fields (<c>Schema/all-in-one.printed.graphql</c>).
/// </summary>
public sealed class SchemaSnapshotTests
{
    /// <summary>Set to 1 to write what the code serves into the snapshots instead of comparing.</summary>
    public const string UpdateVariable = "ETICKET_UPDATE_SNAPSHOTS";

    [Theory]
    [InlineData("Members", "schema/members.graphql")]
    [InlineData("Tickets", "schema/tickets.graphql")]
    public async Task A_subgraph_serves_the_committed_SDL(string role, string snapshot)
    {
        await using var app = Build(role);
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = "{ _service { sdl } }",
            RequestServices = scope.ServiceProvider,
            CancellationToken = TestContext.Current.CancellationToken,
        });
        var json = JsonNode.Parse(scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>().Serialize(result))!;

        AssertSnapshot(snapshot, json["data"]!["_service"]!["sdl"]!.GetValue<string>(),
            "then run scripts/update-schema.sh, which also refreshes schema/all-in-one.graphql and schema/supergraph.graphql");
    }

    [Fact]
    public async Task The_all_in_one_host_serves_the_committed_schema()
    {
        await using var app = Build("AllInOne");
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();

        AssertSnapshot("tests/ETicket.Tests/Schema/all-in-one.printed.graphql", schema.Print(new PrintOptions { IncludeDescriptions = true }) + "\n",
            "then run scripts/update-schema.sh, which refreshes schema/all-in-one.graphql");
    }

    /// <summary>The host of this role as PlatformServer would start it, built but not started.</summary>
    private static WebApplication Build(string role) => PlatformHost.Build(
    [
        "--environment=Development", $"--ETicket:Role={role}", "--Logging:LogLevel:Default=Warning",
        $"--ETicket:DataDirectory={Path.Combine(Path.GetTempPath(), "eticket-schema-snapshots")}",
    ]);

    private static void AssertSnapshot(string snapshot, string actual, string afterUpdate)
    {
        var path = Path.Combine(RepositoryRoot(), snapshot);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        var expected = File.Exists(path) ? File.ReadAllText(path) : "";
        if (expected == actual)
            return;
        Assert.Fail($"""
            {snapshot} is not the schema the code serves. If the change is intended, update the snapshot:
              {UpdateVariable}=1 dotnet test --project tests/ETicket.Tests -- --filter-class '*{nameof(SchemaSnapshotTests)}'
            {afterUpdate}, and commit what changed. If it is not, a module's registration is missing or changed (PlatformHost.Build, the modules' Add...Module()).
            {LineDifference(expected, actual)}
            """);
    }

    /// <summary>The lines between the common beginning and end, as removed (-) and added (+), with some context.</summary>
    internal static string LineDifference(string expected, string actual)
    {
        string[] before = expected.Split('\n'), after = actual.Split('\n');
        var start = 0;
        while (start < before.Length && start < after.Length && before[start] == after[start])
            start++;
        var end = 0;
        while (end < before.Length - start && end < after.Length - start && before[^(end + 1)] == after[^(end + 1)])
            end++;
        const int context = 3, shown = 80;
        var text = new StringBuilder($"@@ line {start + 1} @@\n");
        var lines = before[Math.Max(0, start - context)..start].Select(line => "  " + line)
            .Concat(before[start..^end].Select(line => "- " + line))
            .Concat(after[start..^end].Select(line => "+ " + line))
            .Concat(after[^end..].Take(context).Select(line => "  " + line))
            .ToList();
        foreach (var line in lines.Take(shown))
            text.Append(line).Append('\n');
        if (lines.Count > shown)
            text.Append($"... {lines.Count - shown} more lines\n");
        return text.ToString();
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
