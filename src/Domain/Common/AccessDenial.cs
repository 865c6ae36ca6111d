namespace ETicket.Domain.Common;

public enum AccessDenial { Unauthenticated, Forbidden }
