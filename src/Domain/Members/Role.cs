namespace ETicket.Domain.Members;

public enum Role { Member, Admin }
