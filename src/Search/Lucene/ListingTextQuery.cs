using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ETicket.Search.Lucene;

/// <summary>
/// The text part of a search, built term by term (never parsed, so `" * ? : ( ) AND OR` are plain
/// text). Every word must match in some field; a word matches a field when its words are a phrase
/// there, or its parts are. Scores are tiers: a word found in the title counts 2, elsewhere 1.
/// </summary>
internal static class ListingTextQuery
{
    /// <summary>Bounds one word's phrase (a 200-character word would be 199 bigrams); the rest of it is not required.</summary>
    public const int MaxTermsPerWord = 32;

    private const float TitleTier = 2f;
    private const float BodyTier = 1f;

    /// <summary>
    /// Null for no words: every listing matches. Words with nothing searchable in them (only
    /// punctuation) are left out; if that leaves none, nothing matches, as nothing typed can.
    /// </summary>
    public static Query? For(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
            return null;
        var query = new BooleanQuery();
        foreach (var word in words)
            if (Word(word) is { } wordQuery)
                query.Add(wordQuery, Occur.MUST);
        return query;
    }

    private static Query? Word(string word)
    {
        var wordTerms = Analyze(ListingAnalysis.Words, word);
        var partTerms = Analyze(ListingAnalysis.PartsForQuery, word);
        if (wordTerms.Count == 0 && partTerms.Count == 0)
            return null;
        var match = new DisjunctionMaxQuery(0f)
        {
            Tier(InField(ListingFields.TitleWords, wordTerms, ListingFields.TitleParts, partTerms), TitleTier),
            Tier(InField(ListingFields.BodyWords, wordTerms, ListingFields.BodyParts, partTerms), BodyTier),
        };
        return match;
    }

    private static Query Tier(Query query, float tier) => new ConstantScoreQuery(query) { Boost = tier };

    private static Query InField(string wordsField, IReadOnlyList<(string Term, int Position)> wordTerms,
        string partsField, IReadOnlyList<(string Term, int Position)> partTerms)
    {
        var either = new BooleanQuery();
        if (wordTerms.Count > 0)
            either.Add(Phrase(wordsField, wordTerms), Occur.SHOULD);
        if (partTerms.Count > 0)
            either.Add(Phrase(partsField, partTerms), Occur.SHOULD);
        return either;
    }

    private static Query Phrase(string field, IReadOnlyList<(string Term, int Position)> terms)
    {
        if (terms.Count == 1)
            return new TermQuery(new Term(field, terms[0].Term));
        var phrase = new PhraseQuery();
        foreach (var (term, position) in terms)
            phrase.Add(new Term(field, term), position);
        return phrase;
    }

    /// <summary>The word's terms and their positions (a removed stop word leaves a gap the phrase keeps).</summary>
    private static List<(string Term, int Position)> Analyze(Analyzer analyzer, string word)
    {
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream("query", word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken() && terms.Count < MaxTermsPerWord)
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), Math.Max(position, 0)));
        }
        stream.End();
        return terms;
    }
}
