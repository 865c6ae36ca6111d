using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace ETicket.Search.Lucene;

/// <summary>
/// How text becomes terms. Two views of the same text: words (SmartCn's dictionary segmentation,
/// English stemmed), and parts (overlapping CJK bigrams, and Latin words with their prefixes), so part
/// of a name matches. docs/search.md says why SmartCn rather than jieba.NET.
/// </summary>
internal static class ListingAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Values of one field (description, venue, city) are kept this far apart, so no phrase spans two.</summary>
    private const int ValueGap = 100;

    /// <summary>Analyzers are thread-safe (each thread reuses its own components).</summary>
    public static readonly Analyzer Words = new WordAnalyzer();

    public static readonly Analyzer PartsForIndex = new PartsAnalyzer(withPrefixes: true);

    /// <summary>A query word is looked up whole: its prefixes are on the index side only.</summary>
    public static readonly Analyzer PartsForQuery = new PartsAnalyzer(withPrefixes: false);

    /// <summary>What the index writer uses: words or parts by field name.</summary>
    public static readonly Analyzer ForIndex = new PerFieldAnalyzerWrapper(Words, new Dictionary<string, Analyzer>
    {
        [ListingFields.TitleParts] = PartsForIndex,
        [ListingFields.BodyParts] = PartsForIndex,
    });

    /// <summary>
    /// What ListingSearchRequest.Words does to the query, done to the document: NFKC (width) and lower
    /// case, so both sides meet on the same characters.
    /// </summary>
    public static string Normalize(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalized; the rest of the text is still worth finding.
            return text.ToLowerInvariant();
        }
    }

    private sealed class WordAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            // SmartChineseAnalyzer's chain, rebuilt here only to set the gap between values.
            var tokenizer = new HMMChineseTokenizer(reader);
            TokenStream stream = new LowerCaseFilter(Version, tokenizer);
            stream = new PorterStemFilter(stream);
            stream = new StopFilter(Version, stream, SmartChineseAnalyzer.DefaultStopSet);
            return new TokenStreamComponents(tokenizer, stream);
        }

        public override int GetPositionIncrementGap(string fieldName) => ValueGap;
    }

    private sealed class PartsAnalyzer(bool withPrefixes) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new CJKBigramFilter(tokenizer);
            stream = new LowerCaseFilter(Version, stream);
            if (withPrefixes)
                stream = new LatinPrefixFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }

        public override int GetPositionIncrementGap(string fieldName) => ValueGap;
    }
}
