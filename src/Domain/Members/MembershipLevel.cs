namespace ETicket.Domain.Members;

public enum MembershipLevel { Normal, Silver, Golden, Diamond }
