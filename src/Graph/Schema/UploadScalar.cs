using ETicket.Graph.Transport.Uploads;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ETicket.Graph.Schema;

/// <summary>
/// The <c>Upload</c> scalar of the GraphQL multipart request spec: a file, input only. Its value can
/// only be an <see cref="UploadedFile"/> that the transport put into the variables from a file part
/// (<see cref="MultipartRequestReader"/>); a literal, a string, a JSON request, GET, WebSocket and
/// Server-Sent Events cannot carry one, and are told how to send it.
/// </summary>
public sealed class UploadScalar : ScalarGraphType
{
    public const string SendAsFile =
        "An Upload is a file sent in a multipart/form-data POST (the GraphQL multipart request: `operations`, `map` and the file parts): "
        + "give it as a variable set to null in `operations` and map a file part to it.";

    public UploadScalar()
    {
        Name = "Upload";
        Description = "A file sent with the GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec). Input only.";
    }

    public override object? ParseLiteral(GraphQLValue value) =>
        value is GraphQLNullValue ? null : throw new FormatException(SendAsFile);

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        UploadedFile file => file,
        _ => throw new FormatException(SendAsFile),
    };

    // Input only: no field returns a file.
    public override object? Serialize(object? value) => value is null ? null : ThrowSerializationError(value);
}
