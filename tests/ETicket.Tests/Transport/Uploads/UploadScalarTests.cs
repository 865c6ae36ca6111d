using ETicket.Graph.Schema;
using ETicket.Graph.Transport.Uploads;
using GraphQLParser.AST;

namespace ETicket.Tests.Transport.Uploads;

/// <summary>The Upload scalar takes only the files the multipart transport placed, and never leaves as output.</summary>
public sealed class UploadScalarTests
{
    private static readonly UploadScalar Upload = new();

    [Fact]
    public void It_is_named_Upload()
    {
        Assert.Equal("Upload", Upload.Name);
        Assert.Contains("graphql-multipart-request-spec", Upload.Description);
    }

    [Fact]
    public void An_uploaded_file_or_null_is_taken_as_it_is()
    {
        var file = new UploadedFile("a.jpg", "image/jpeg", new byte[] { 1, 2 });

        Assert.Same(file, Upload.ParseValue(file));
        Assert.Null(Upload.ParseValue(null));
        Assert.Null(Upload.ParseLiteral(new GraphQLNullValue()));
    }

    [Fact]
    public void A_data_url_variable_is_a_small_file()
    {
        var file = Assert.IsType<UploadedFile>(Upload.ParseValue("data:image/png;base64," + Convert.ToBase64String([1, 2, 3, 4, 5])));

        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, file.Content.ToArray());
        Assert.Contains("base64", Assert.Throws<FormatException>(() => Upload.ParseValue("data:image/png,raw")).Message);
        Assert.Contains("base64", Assert.Throws<FormatException>(() => Upload.ParseValue("data:image/png;base64,!!!")).Message);
    }

    [Theory]
    [InlineData("ticket.jpg")]
    [InlineData(42)]
    public void Any_other_variable_value_is_refused_saying_how_to_send_a_file(object value)
    {
        var refused = Assert.Throws<FormatException>(() => Upload.ParseValue(value));

        Assert.Equal(UploadScalar.SendAsFile, refused.Message);
    }

    [Fact]
    public void A_literal_in_the_document_is_refused()
    {
        var refused = Assert.Throws<FormatException>(() => Upload.ParseLiteral(new GraphQLStringValue("ticket.jpg")));

        Assert.Equal(UploadScalar.SendAsFile, refused.Message);
    }

    [Fact]
    public void It_is_input_only()
    {
        Assert.Null(Upload.Serialize(null));
        Assert.ThrowsAny<Exception>(() => Upload.Serialize(new UploadedFile("", "image/png", ReadOnlyMemory<byte>.Empty)));
    }

    [Fact]
    public void A_file_describes_itself_without_its_bytes()
    {
        var file = new UploadedFile("a.jpg", "image/jpeg", new byte[] { 0x41, 0x42 });

        Assert.Equal("uploaded file \"a.jpg\" (image/jpeg, 2 bytes)", file.ToString());
    }
}
