namespace ETicket.Domain.Persistence;

public enum DatabaseProvider { Sqlite, MySql }
