using ETicket.Graph.Schema;
using ETicket.Graph.Transport.Uploads;
using GraphQL;
using GraphQL.Types;

namespace ETicket.Tests.Transport.Uploads;

/// <summary>
/// Test-only fields that take files and describe what arrived ("name|type|length|hex"), so the
/// multipart transport can be tested end to end before a real field takes an Upload.
/// </summary>
public sealed class UploadEchoFields : IFieldContributor<QueryType>, IFieldContributor<MutationType>
{
    public void AddFields(QueryType type)
    {
        type.Field<StringGraphType>("uploadEcho")
            .Argument<UploadScalar>("file")
            .Resolve(context => context.GetArgument<UploadedFile?>("file") is { } file ? Describe(file) : null);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("uploadsEcho")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<UploadScalar>>>>("files")
            .Resolve(context => context.GetArgument<List<UploadedFile>>("files").Select(Describe).ToList());
    }

    public void AddFields(MutationType type) =>
        type.Field<StringGraphType>("echoUpload")
            .Argument<NonNullGraphType<EchoUploadInputType>>("input")
            .Resolve(context =>
            {
                var input = context.GetArgument<EchoUploadInput>("input");
                return $"{input.Note}:{Describe(input.File)}";
            });

    public static string Describe(UploadedFile file) => $"{file.FileName}|{file.ContentType}|{file.Length}|{Convert.ToHexString(file.Content.Span)}";
}
