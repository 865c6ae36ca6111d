using GraphQL.Types;

namespace ETicket.Tests.Transport.Uploads;

public sealed class EchoUploadInputType : InputObjectGraphType<EchoUploadInput>
{
    public EchoUploadInputType()
    {
        Name = "EchoUploadInput";
        // No type given: the schema maps UploadedFile to Upload.
        Field(input => input.File);
        Field(input => input.Note, nullable: true);
    }
}
