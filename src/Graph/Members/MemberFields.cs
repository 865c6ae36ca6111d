using ETicket.Domain.Common;
using ETicket.Domain.Members;
using ETicket.Graph.Auth;
using ETicket.Graph.Subscriptions;
using ETicket.Graph.Querying;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace ETicket.Graph.Members;

/// <summary>The members module's fields on Member: the profile and reputation.</summary>
public sealed class MemberFields : IFieldContributor<MemberType>
{
    public void AddFields(MemberType type)
    {
        type.Field<NonNullGraphType<StringGraphType>>("nickname").Reads(nameof(Member.Nickname)).Resolve(ctx => Profile(ctx).Nickname);
        type.Field<StringGraphType>("avatarUrl").Reads(nameof(Member.AvatarUrl)).Resolve(ctx => Profile(ctx).AvatarUrl);
        type.Field<NonNullGraphType<GenderType>>("gender").Reads(nameof(Member.Gender)).Resolve(ctx => Profile(ctx).Gender);
        type.Field<NonNullGraphType<IntGraphType>>("creditPoints").Reads(nameof(Member.CreditPoints))
            .Resolve(ctx => Profile(ctx).CreditPoints);
        type.Field<NonNullGraphType<MembershipLevelType>>("membershipLevel").Reads(nameof(Member.CreditPoints))
            .Resolve(ctx => Profile(ctx).MembershipLevel);
        type.Field<NonNullGraphType<BooleanGraphType>>("blacklisted").Reads(nameof(Member.Blacklisted))
            .Resolve(ctx => Profile(ctx).Blacklisted);
        type.Field<StringGraphType>("phoneNumber").Reads(nameof(Member.PhoneNumber))
            .Description("Full for the member themself and for admins; masked (\"138****5678\") for everyone else; null when none is bound.")
            .DependsOnViewer()
            .Resolve(ctx => PhoneNumberFor(ctx, Profile(ctx)));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleType>>>>("roles").Reads(nameof(Member.IsAdmin))
            .Description("ADMIN members have [MEMBER, ADMIN].")
            .Resolve(ctx => Profile(ctx).Roles);
        type.Field<NonNullGraphType<DateTimeScalar>>("joinedAt").Reads(nameof(Member.JoinedAt)).Resolve(ctx => Profile(ctx).JoinedAt);
    }

    // Where the members module is served, Member sources are always full members.
    private static Member Profile(IResolveFieldContext<IEntity> context) => (Member)context.Source;

    private static string? PhoneNumberFor(IResolveFieldContext context, Member member) =>
        member.PhoneNumber is not { } phone ? null
        : context.ViewerId() == member.Id || context.ViewerIsAdmin() ? phone
        : PhoneNumbers.Mask(phone);
}
