namespace ETicket.Domain.Listings.Querying;

public enum FilterOperator { Eq, Neq, In, Contains, StartsWith, Gt, Gte, Lt, Lte }
