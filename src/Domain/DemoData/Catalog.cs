using ETicket.Domain.Listings;

namespace ETicket.Domain.DemoData;

/// <summary>
/// What the generated market is made of: Chinese and English performers, films, shows, attractions,
/// brands and streaming services, thirty cities weighted like a national resale market, and a venue
/// per kind. Popular names come first and are picked more often (<see cref="ListingGenerator"/>), so
/// a common word matches many listings and a rare one few, as in a real market. New names go at the
/// end of a list, so the popular ones stay popular.
/// </summary>
public static class Catalog
{
    public static readonly (string City, int Weight)[] Cities =
    [
        ("上海", 15), ("北京", 14), ("广州", 9), ("深圳", 9), ("成都", 6), ("杭州", 6), ("南京", 5), ("武汉", 5),
        ("重庆", 4), ("西安", 4), ("苏州", 3), ("天津", 3), ("长沙", 3), ("郑州", 3), ("青岛", 2), ("厦门", 2),
        ("昆明", 2), ("大连", 2), ("沈阳", 2), ("宁波", 2), ("合肥", 2), ("福州", 2), ("济南", 2), ("哈尔滨", 1),
        ("南宁", 1), ("贵阳", 1), ("海口", 1), ("无锡", 1), ("佛山", 1), ("东莞", 1),
    ];

    public static readonly string[] Performers =
    [
        "周杰伦", "五月天", "林俊杰", "陈奕迅", "Taylor Swift", "Coldplay", "邓紫棋", "薛之谦", "张学友", "Ed Sheeran",
        "李荣浩", "孙燕姿", "华晨宇", "毛不易", "Bruno Mars", "告五人", "Maroon 5", "蔡依林", "王菲", "Adele",
        "刘德华", "BLACKPINK", "Imagine Dragons", "张惠妹", "周深", "Billie Eilish", "汪苏泷", "Lady Gaga", "许嵩", "Linkin Park",
        "Westlife", "OneRepublic", "Backstreet Boys", "Jacky Cheung", "The Weeknd", "Olivia Rodrigo",
    ];

    public static readonly string[] ConcertKinds = ["演唱会", "巡回演唱会", "World Tour", "音乐节", "Live"];

    public static readonly string[] Films =
    [
        "哈利波特与魔法石 重映", "流浪地球3", "封神第二部", "哪吒之魔童闹海", "Avatar: Fire and Ash", "唐探1900", "热辣滚烫",
        "Dune: Part Three", "疯狂动物城2", "Mission: Impossible", "志愿军", "星际穿越 重映", "功夫熊猫4", "蜘蛛侠：纵横宇宙",
        "Inside Out 2", "Toy Story 5", "The Batman Part II", "Interstellar IMAX Re-release",
    ];

    public static readonly string[] Shows =
    [
        "音乐剧《猫》", "话剧《茶馆》", "印象派大师展", "敦煌艺术展", "脱口秀专场", "相声大会", "The Phantom of the Opera",
        "Cirque du Soleil", "开心麻花《乌龙山伯爵》", "芭蕾舞剧《天鹅湖》", "Les Misérables", "宫崎骏动画展",
        "Hamilton", "Chicago the Musical", "Van Gogh Immersive Experience", "teamLab Borderless",
    ];

    public static readonly string[] Attractions =
    [
        "迪士尼乐园", "环球影城", "欢乐谷", "海洋公园", "长隆野生动物世界", "故宫博物院", "Legoland", "方特欢乐世界",
        "科技馆", "动物园", "哈利波特魔法世界", "水上乐园", "Happy Valley", "Ocean Park", "Madame Tussauds", "SEA LIFE Aquarium",
    ];

    public static readonly string[] FoodBrands =
    [
        "星巴克", "喜茶", "海底捞", "瑞幸咖啡", "肯德基", "麦当劳", "必胜客", "Costa Coffee", "奈雪的茶", "Häagen-Dazs",
        "蜜雪冰城", "Pizza Hut", "Starbucks Reserve", "Burger King", "Tim Hortons", "Blue Bottle Coffee",
    ];

    public static readonly string[] FoodKinds = ["代金券", "电子券", "套餐券", "储值卡", "Gift Card", "Voucher"];

    public static readonly string[] Streaming =
    [
        "爱奇艺黄金VIP", "腾讯视频VIP", "优酷VIP", "网易云音乐黑胶VIP", "QQ音乐豪华绿钻", "B站大会员", "Netflix Premium",
        "芒果TV会员", "Spotify Premium", "Apple Music", "喜马拉雅VIP", "Disney+", "YouTube Premium", "Kindle Unlimited",
    ];

    public static readonly string[] StreamingTerms = ["月卡", "季卡", "年卡", "12个月", "兑换码", "Annual Plan"];

    public static readonly string[] Stadiums = ["体育场", "体育馆", "奥体中心", "大剧院", "Livehouse", "国际博览中心", "MAO Livehouse", "Blue Note", "Arena"];
    public static readonly string[] Cinemas = ["万达影城", "CGV影城", "IMAX影城", "博纳国际影城", "UME影城", "Broadway Cinema", "Cinity Cinema"];
    public static readonly string[] Theatres = ["大剧院", "艺术中心", "美术馆", "保利剧院", "文化宫", "Grand Theatre", "Art Museum"];

    public static readonly string[] Descriptions =
    [
        "本人临时有事去不了，原价转让，可小刀。", "电子票，付款后即时发码。", "内场好位置，诚心出。", "两张连座，可拆卖。",
        "Can't make it, selling at face value.", "看台前排，视野很好。", "公司发的福利，用不完。", "", "",
        "E-ticket, the code shows right after payment.", "Two seats together; happy to sell them apart.",
    ];

    /// <summary>How the six categories share the market: concerts and films lead.</summary>
    public static readonly (TicketCategory Category, int Weight)[] Categories =
    [
        (TicketCategory.Concert, 30), (TicketCategory.Film, 22), (TicketCategory.Show, 14),
        (TicketCategory.Admission, 12), (TicketCategory.Food, 12), (TicketCategory.Entertainment, 10),
    ];
}
