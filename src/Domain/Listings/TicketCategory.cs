namespace ETicket.Domain.Listings;

public enum TicketCategory
{
    /// <summary>餐饮券 vouchers, valid from/until.</summary>
    Food,
    /// <summary>影音娱乐券 streaming and membership cards, valid from/until.</summary>
    Entertainment,
    /// <summary>景点门票 attractions.</summary>
    Admission,
    /// <summary>电影票 cinema seats.</summary>
    Film,
    /// <summary>演唱会门票 concerts.</summary>
    Concert,
    /// <summary>展览会门票 exhibitions and shows.</summary>
    Show,
}
