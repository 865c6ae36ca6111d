using ETicket.Domain.Common;
using GraphQL.Types;

namespace ETicket.Graph.Common;

public sealed class UserErrorCodeType : EnumerationGraphType<UserErrorCode>
{
    public UserErrorCodeType() => Name = "UserErrorCode";

    // "WeChat" is one word in the contract: WECHAT_SIGN_IN_FAILED, not WE_CHAT_...
    protected override string ChangeEnumCase(string val) => base.ChangeEnumCase(val.Replace("WeChat", "Wechat", StringComparison.Ordinal));
}
