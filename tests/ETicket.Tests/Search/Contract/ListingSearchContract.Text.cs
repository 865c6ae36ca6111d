using ETicket.Domain.Common;

namespace ETicket.Tests.Search.Contract;

public abstract partial class ListingSearchContract
{
    [Fact]
    public async Task Every_word_must_match_somewhere_in_title_description_venue_or_city()
    {
        var listing = Listing("Coldplay 巡回演唱会", description: "内场 VIP 座位", venue: "梅赛德斯奔驰文化中心", city: "上海");
        var other = Listing("Adele 演唱会", city: "北京");
        await Add(listing, other);

        Assert.Equal(Ids(listing), await Found("coldplay"));
        Assert.Equal(Ids(listing), await Found("coldplay vip"));
        Assert.Equal(Ids(listing), await Found("coldplay 奔驰"));
        Assert.Equal(Ids(listing), await Found("coldplay 上海"));
        Assert.Equal(Ids(other), await Found("adele 北京"));
        Assert.Empty(await Found("coldplay 北京"));
        Assert.Empty(await Found("coldplay adele"));
    }

    [Fact]
    public async Task Chinese_without_spaces_is_split_into_words()
    {
        var jay = Listing("周杰伦演唱会");
        var disney = Listing("上海迪士尼乐园一日票");
        var potter = Listing("哈利波特与魔法石 IMAX");
        await Add(jay, disney, potter, Listing("五月天诺亚方舟"));

        Assert.Equal(Ids(jay), await Found("演唱会"));
        Assert.Equal(Ids(jay), await Found("周杰伦"));
        Assert.Equal(Ids(disney), await Found("迪士尼"));
        Assert.Equal(Ids(disney), await Found("乐园 上海"));
        Assert.Equal(Ids(potter), await Found("哈利波特"));
        Assert.Equal(Ids(potter), await Found("魔法石"));
    }

    [Fact]
    public async Task Part_of_a_name_matches_but_a_shared_character_does_not()
    {
        var jay = Listing("周杰伦 2026 嘉年华");
        var jj = Listing("林俊杰 JJ20 巡演");
        var mayday = Listing("五月天 Mayday 演唱会");
        var coldplay = Listing("Coldplay Music of the Spheres");
        await Add(jay, jj, mayday, coldplay);

        Assert.Equal(Ids(jay), await Found("杰伦"));
        Assert.Equal(Ids(jj), await Found("俊杰"));
        Assert.Equal(Ids(mayday), await Found("五月"));
        Assert.Equal(Ids(coldplay), await Found("cold"));
        Assert.Equal(Ids(coldplay), await Found("sphere"));
        Assert.Empty(await Found("杰伦俊"));
    }

    [Fact]
    public async Task Case_and_width_are_ignored_on_both_sides()
    {
        var coldplay = Listing("Coldplay 演唱会");
        var swift = Listing("ＴＡＹＬＯＲ ＳＷＩＦＴ Eras Tour");
        await Add(coldplay, swift);

        Assert.Equal(Ids(coldplay), await Found("ＣＯＬＤＰＬＡＹ"));
        Assert.Equal(Ids(coldplay), await Found("COLDPLAY"));
        Assert.Equal(Ids(swift), await Found("taylor swift"));
        Assert.Equal(Ids(swift), await Found("Taylor ERAS"));
    }

    [Fact]
    public async Task Query_syntax_characters_are_plain_text()
    {
        var coldplay = Listing("Coldplay: \"Music\" (Live) 上海");
        var adele = Listing("Adele Live");
        await Add(coldplay, adele);

        Assert.Equal(Ids(coldplay), await Found("coldplay:"));
        Assert.Equal(Ids(coldplay), await Found("\"music\""));
        Assert.Equal(Ids(coldplay), await Found("(live) coldplay"));
        Assert.Empty(await Found("coldplay OR adele")); // OR is a word here, and no listing has it
        Assert.Empty(await Found("coldplay AND adele"));
        Assert.Empty(await Found("c*"));
        Assert.Empty(await Found("coldpl?y"));
        Assert.Empty(await Found("title:coldplay"));
        Assert.Empty(await Found("*"));
    }

    [Fact]
    public async Task The_longest_text_accepted_is_answered_and_a_longer_one_is_bad_input()
    {
        await Add(Listing("周杰伦演唱会"));
        var longest = string.Concat(Enumerable.Repeat("周杰伦演唱会", 200 / 6)) + "周杰";

        Assert.Empty(await Found(longest)); // bounded to its first parts, which no listing has in a row
        Assert.Single(await Found(string.Join(' ', Enumerable.Repeat("演唱会", 16))));
        await Assert.ThrowsAsync<BadInputException>(() => Search(longest + "伦伦伦伦伦"));
        await Assert.ThrowsAsync<BadInputException>(() => Search(string.Join(' ', Enumerable.Repeat("演唱会", 17))));
    }

    [Fact]
    public async Task No_text_finds_every_buyable_listing()
    {
        var first = Listing("Coldplay");
        var second = Listing("周杰伦");
        await Add(first, second);

        Assert.Equal(Ids(second, first), await Found(sort: ETicket.Search.ListingSearchSort.Newest));
    }
}
