namespace ETicket.Domain.Members;

public enum Gender { Unknown, Male, Female }
