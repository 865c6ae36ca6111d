using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ETicket.Tests.Infrastructure;

/// <summary>Uploads ticket pictures the way the mini-program does: a GraphQL multipart request to /graphql.</summary>
public static class Pictures
{
    public const string UploadMutation = """
        mutation($file: Upload!) {
          uploadTicketPicture(input: { file: $file }) {
            picture { id url thumbnailUrl urlExpiresAt showsTicketCode ticketCode codeFormat width height }
            errors { code field message }
          }
        }
        """;

    /// <summary>The uploadTicketPicture payload (picture and errors).</summary>
    public static async Task<JsonNode> UploadPictureAsync(this PlatformServer server, string accessToken, byte[] file, string fileName = "ticket.png")
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(JsonSerializer.Serialize(new { query = UploadMutation, variables = new { file = (object?)null } })), "operations");
        content.Add(new StringContent("""{"0":["variables.file"]}"""), "map");
        var filePart = new ByteArrayContent(file);
        filePart.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(filePart, "0", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, server.GraphQLEndpoint) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (await GraphQLResponse.ReadAsync(response)).Ok()["uploadTicketPicture"]!;
    }

    /// <summary>Uploads and returns the new picture's id, failing the test on any error.</summary>
    public static async Task<string> UploadPictureOkAsync(this PlatformServer server, string accessToken, byte[] file)
    {
        var payload = await server.UploadPictureAsync(accessToken, file);
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["picture"]!["id"]!.GetValue<string>();
    }
}
