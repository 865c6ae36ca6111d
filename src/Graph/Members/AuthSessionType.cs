using ETicket.Domain.Common;
using ETicket.Domain.Members.Sessions;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Members;

public sealed class AuthSessionType : ObjectGraphType<Session>
{
    public AuthSessionType()
    {
        Name = "AuthSession";
        Field<NonNullGraphType<StringGraphType>>("accessToken")
            .Description("Send as `Authorization: Bearer <accessToken>`.")
            .Resolve(ctx => ctx.Source.AccessToken);
        Field<NonNullGraphType<StringGraphType>>("refreshToken").Resolve(ctx => ctx.Source.RefreshToken);
        Field<NonNullGraphType<DateTimeScalar>>("expiresAt")
            .Description("When the access token expires.")
            .Resolve(ctx => ctx.Source.ExpiresAt);
        Field<NonNullGraphType<MemberType>>("member").Resolve(ctx => (IEntity)ctx.Source.Member);
    }
}
