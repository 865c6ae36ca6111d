using ETicket.Graph.Common;

namespace ETicket.Graph.Pictures;

public sealed class TicketPicturePayloadType() : PayloadType<PictureView, TicketPictureType>("TicketPicturePayload", "picture");
