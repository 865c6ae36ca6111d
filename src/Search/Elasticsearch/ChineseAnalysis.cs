namespace ETicket.Search.Elasticsearch;

/// <summary>How Chinese is split into words in the main text fields.</summary>
public enum ChineseAnalysis
{
    /// <summary>The analysis-smartcn plugin's dictionary-based tokenizer: real words.</summary>
    Smartcn,

    /// <summary>Built in: overlapping bigrams (what the cjk analyzer does), when smartcn is not installed.</summary>
    Cjk,
}
