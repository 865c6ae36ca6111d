namespace ETicket.Domain.Persistence.Migrations;

/// <summary>
/// Before foreign keys to Members are added (migration MembersReferenced): a database may hold rows
/// of members it does not have, written by a validly signed token of a member missing from it (a
/// restore, a signing key shared across environments). Rather than lose those listings, orders and
/// requests, or fail the upgrade, each missing member gets a stand-in row: nickname 未知用户
/// ("unknown user"), blacklisted so it cannot trade, with the reason saying why it exists.
/// </summary>
internal static class MissingMembers
{
    public const string Nickname = Members.Member.MissingNickname;
    public const string Reason = "Stand-in for a member missing from the database, added when members became foreign keys.";

    private const string Referenced = """
        SELECT SellerId AS Id FROM Listings
        UNION SELECT BuyerId FROM Orders
        UNION SELECT SellerId FROM Orders
        UNION SELECT MemberId FROM WantedRequests
        """;

    /// <param name="now">The provider's SQL for the current time as stored (SQLite: UTC ticks; MySQL: UTC datetime).</param>
    private static string Insert(string now) => $"""
        INSERT INTO Members (Id, Nickname, Gender, CreditPoints, IsAdmin, Blacklisted, BlacklistReason, BlacklistedAt, JoinedAt)
        SELECT referenced.Id, '{Nickname}', 'Unknown', 0, 0, 1, '{Reason}', {now}, {now}
        FROM ({Referenced}) AS referenced
        WHERE NOT EXISTS (SELECT 1 FROM Members WHERE Members.Id = referenced.Id);
        """;

    public static string SqliteInsert => Insert("(CAST(strftime('%s', 'now') AS INTEGER) * 10000000 + 621355968000000000)");

    public static string MySqlInsert => Insert("UTC_TIMESTAMP(6)");
}
