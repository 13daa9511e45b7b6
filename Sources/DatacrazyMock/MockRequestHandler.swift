import Foundation

/// Decides every reply: checks the token, asks the traffic monitor for the
/// request's fate, waits the latency, then answers, misbehaves or routes.
struct MockRequestHandler: Sendable {
  static let conversationsPath = "/api/v1/conversations"

  let endpoint: ConversationsEndpoint
  let traffic: TrafficMonitor
  /// The accepted token; nil accepts every request.
  let token: String?
  let faults: DatacrazyMockServer.Faults

  /// Runs on the connection's own thread, so the latency sleeps block nothing else.
  func reply(to request: RequestHead) -> MockReply {
    let presented = Self.bearerToken(request.header("authorization"))
    let authorized = token == nil || presented == token
    let admission = traffic.admit(token: presented ?? "", authorized: authorized)
    if faults.latency > .zero { Thread.sleep(forTimeInterval: faults.latency.seconds) }
    switch admission {
    case .unauthorized: return .answer(.unauthorized)
    case .rateLimited(let seconds): return .answer(.tooManyRequests(retryAfter: seconds))
    case .fault(.serverError): return .answer(.internalError)
    case .fault(.tooManyRequests): return .answer(.tooManyRequests(retryAfter: faults.retryAfterSeconds))
    case .fault(.droppedConnection): return .drop
    case .fault(.truncatedBody): return .truncate(route(request))
    case .answer:
      let answer = route(request)
      traffic.answered(answer)
      return .answer(answer)
    }
  }

  /// The answer for a request that deserves one.
  func route(_ request: RequestHead) -> MockAnswer {
    var path = request.path
    if path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    guard path == Self.conversationsPath else {
      return .error(404, "Cannot \(request.method) \(request.path)", code: "NOT_FOUND")
    }
    guard request.method == "GET" else {
      return .error(405, "Method \(request.method) not allowed", code: "METHOD_NOT_ALLOWED")
    }
    do {
      return endpoint.page(for: try ConversationQuery(query: request.query))
    } catch {
      return .error(400, error.message, code: "BAD_REQUEST")
    }
  }

  /// The token of an `Authorization: Bearer <token>` header.
  static func bearerToken(_ header: String?) -> String? {
    guard let header else { return nil }
    let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
    guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
    return parts[1].trimmingCharacters(in: .whitespaces)
  }
}
