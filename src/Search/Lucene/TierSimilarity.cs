using Lucene.Net.Search.Similarities;

namespace ETicket.Search.Lucene;

/// <summary>
/// Relevance is a tier, not a statistic: every text clause is constant-score, and this keeps Lucene
/// from scaling the sum (no query norm, no coordination factor). A hit's score is then a small whole
/// number that depends only on the query and the document, so a cursor's score stays comparable
/// while other listings come and go.
/// </summary>
internal sealed class TierSimilarity : DefaultSimilarity
{
    public override float QueryNorm(float sumOfSquaredWeights) => 1f;

    public override float Coord(int overlap, int maxOverlap) => 1f;
}
