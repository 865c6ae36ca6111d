using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace ETicket.Search.Lucene;

/// <summary>
/// After each Latin word (StandardTokenizer's ALPHANUM), its prefixes of <see cref="MinLength"/> to
/// <see cref="MaxLength"/> characters at the same position: the Latin counterpart of CJK bigrams, so
/// `cold` finds Coldplay, and a phrase of prefixes (`tay swi`) still needs the words in order.
/// Numbers get none: `20` should not find every 2025.
/// </summary>
internal sealed class LatinPrefixFilter : TokenFilter
{
    public const int MinLength = 2;

    /// <summary>Bounds the terms one long word adds; a longer query word still matches the whole word.</summary>
    public const int MaxLength = 20;

    private static readonly string LatinWordType = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];

    private readonly ICharTermAttribute term;
    private readonly IPositionIncrementAttribute position;
    private readonly ITypeAttribute type;
    private State? wordState;
    private string? word;
    private int nextLength;

    public LatinPrefixFilter(TokenStream input) : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
        position = AddAttribute<IPositionIncrementAttribute>();
        type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (word is not null && nextLength < word.Length && nextLength <= MaxLength)
        {
            RestoreState(wordState);
            term.SetEmpty().Append(word, 0, nextLength);
            position.PositionIncrement = 0;
            nextLength++;
            return true;
        }
        word = null;
        if (!m_input.IncrementToken())
            return false;
        if (type.Type == LatinWordType && term.Length > MinLength && HasLetter())
        {
            word = term.ToString();
            wordState = CaptureState();
            nextLength = MinLength;
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        word = null;
        wordState = null;
    }

    private bool HasLetter()
    {
        var buffer = term.Buffer;
        for (var i = 0; i < term.Length; i++)
            if (char.IsLetter(buffer[i]))
                return true;
        return false;
    }
}
