using ETicket.Domain.Wanted;
using ETicket.Graph.Common;

namespace ETicket.Graph.Wanted;

public sealed class WantedRequestPayloadType() : PayloadType<WantedRequest, WantedRequestType>("WantedRequestPayload", "wantedRequest");
