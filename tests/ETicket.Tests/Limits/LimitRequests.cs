using System.Text.Json.Nodes;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Limits;

public static class LimitRequests
{
    /// <summary>The most one screen of the mini-program asks: a full page of listings, each seller with their first 10.</summary>
    public const string Screen = "{ listings(first: 100) { nodes { title seller { nickname listings(first: 10) { nodes { title } } } } } }";

    /// <summary>Three full pages nested through the sellers: up to a million listings.</summary>
    public const string MillionListings =
        "{ listings(first: 100) { nodes { seller { listings(first: 100) { nodes { seller { listings(first: 100) { nodes { title } } } } } } } } }";

    /// <summary>What graphql-js (and with it most IDEs and code generators) sends to read a schema: 15 levels deep.</summary>
    public const string StandardIntrospection = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
            ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
        }
        """;

    public static Dictionary<string, string?> Settings(params (string Key, object Value)[] limits) =>
        limits.ToDictionary(limit => $"ETicket:Query:{limit.Key}", limit => (string?)limit.Value.ToString());
}

public static class LimitAssert
{
    /// <summary>Refused before execution (application/json, so 200): one error with the code, no data; returns the error's extensions.</summary>
    public static JsonNode Refused(GraphQLResponse response, string code = "QUERY_TOO_COMPLEX")
    {
        Assert.True(response.Status == 200, $"Expected 200, got {response.Status}: {response.Body?.ToJsonString()}");
        Assert.Null(response.Data);
        var error = Assert.Single(response.Errors!)!;
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        return error["extensions"]!;
    }

    /// <summary>The figures of a complexity or depth refusal.</summary>
    public static void Figures(JsonNode extensions, double complexity, int maxComplexity, int depth, int maxDepth)
    {
        Assert.Equal(complexity, extensions["complexity"]!.GetValue<double>());
        Assert.Equal(maxComplexity, extensions["maxComplexity"]!.GetValue<int>());
        Assert.Equal(depth, extensions["depth"]!.GetValue<int>());
        Assert.Equal(maxDepth, extensions["maxDepth"]!.GetValue<int>());
    }
}
