namespace ETicket.Domain.Members;

/// <summary>Configuration section <c>ETicket:Members</c>.</summary>
public sealed class MembersOptions
{
    public const string Section = "ETicket:Members";

    /// <summary>Openids or phone numbers of the members who get the ADMIN role when they sign in.</summary>
    public List<string> Admins { get; set; } = [];
}
