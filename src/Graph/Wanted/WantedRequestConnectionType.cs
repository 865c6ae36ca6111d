using ETicket.Domain.Wanted;
using ETicket.Graph.Common;

namespace ETicket.Graph.Wanted;

public sealed class WantedRequestConnectionType : ConnectionType<WantedRequest, WantedRequestType>;
