using ETicket.Domain.Members;
using ETicket.Domain.Members.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Members;

public sealed class UpdateProfileInput
{
    public string? Nickname { get; set; }
    public string? AvatarUrl { get; set; }
    public Gender? Gender { get; set; }
}

public sealed class UpdateProfileInputType : InputObjectGraphType<UpdateProfileInput>
{
    public UpdateProfileInputType()
    {
        Name = "UpdateProfileInput";
        Description = "Only the fields given change.";
        Field(i => i.Nickname, nullable: true).Description("1 to 30 characters after trimming.");
        Field(i => i.AvatarUrl, nullable: true).Description("An http(s) address; \"\" removes the avatar.");
        Field(i => i.Gender, type: typeof(GenderType));
    }
}

public sealed class UpdateProfilePayloadType() : PayloadType<Member, MemberType>("UpdateProfilePayload", "member");

/// <summary>The signed-in member edits their own profile.</summary>
public sealed class UpdateProfileMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<UpdateProfilePayloadType, UpdateProfileInputType, UpdateProfileInput, Member>("updateProfile",
            (ctx, input) => ctx.Service<ProfileEditor>().UpdateAsync(ctx.RequireViewerId(),
                new ProfileChanges(input.Nickname, input.AvatarUrl, input.Gender), ctx.CancellationToken));
}
