using ETicket.Domain.Pictures;

namespace ETicket.Graph.Pictures;

/// <summary>A picture as one viewer is shown it: public by its permanent address, or by signed addresses made for them.</summary>
public sealed record PictureView(TicketPicture Picture, PictureAddress Image, PictureAddress Thumbnail);
