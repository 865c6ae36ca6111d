using ETicket.Domain.Common;
using ETicket.Domain.Pictures;

namespace ETicket.Graph.Pictures;

internal static class PictureOutcomes
{
    /// <summary>A picture a mutation answers, shown to the member who asked through signed addresses.</summary>
    public static async Task<Outcome<PictureView>> ShownSignedAsync(this Task<Outcome<TicketPicture>> outcome, PictureUrls urls) =>
        await outcome is { Value: { } picture } ? urls.Signed(picture) : Outcome<PictureView>.Failure((await outcome).Errors);
}
