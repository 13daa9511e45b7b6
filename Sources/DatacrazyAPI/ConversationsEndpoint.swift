import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The two listings a sync pages through.
enum ConversationPass: Sendable, CaseIterable {
  /// The API's default: open conversations only.
  case open
  /// `filter[opened]=false`.
  case finished
}

/// Builds the requests of `GET {base}/api/v1/conversations`.
struct ConversationsEndpoint: Sendable {
  let baseURL: URL
  let token: String
  let userAgent: String
  let timeout: Duration

  init(_ configuration: APIConfiguration) {
    baseURL = configuration.baseURL
    token = configuration.token
    userAgent = configuration.userAgent
    timeout = configuration.requestTimeout
  }

  /// The path and query of a page, as sent and as logged:
  /// `/api/v1/conversations?skip=100&take=100&filter%5Bopened%5D=false`.
  func pathAndQuery(skip: Int, take: Int, pass: ConversationPass) -> String {
    var base = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? ""
    while base.hasSuffix("/") { base.removeLast() }
    var query = "skip=\(skip)&take=\(take)"
    if pass == .finished { query += "&filter%5Bopened%5D=false" }
    return base + "/api/v1/conversations?" + query
  }

  func url(skip: Int, take: Int, pass: ConversationPass) -> URL {
    var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) ?? URLComponents()
    let path = pathAndQuery(skip: skip, take: take, pass: pass)
    let question = path.firstIndex(of: "?")!
    components.percentEncodedPath = String(path[..<question])
    components.percentEncodedQuery = String(path[path.index(after: question)...])
    components.fragment = nil
    return components.url ?? baseURL
  }

  func request(skip: Int, take: Int, pass: ConversationPass) -> URLRequest {
    var request = URLRequest(url: url(skip: skip, take: take, pass: pass))
    request.httpMethod = "GET"
    request.timeoutInterval = timeout.secondsValue
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    return request
  }

  /// `host` or `host:port`, for messages (never the URL's user or password).
  var hostDescription: String {
    let host = baseURL.host ?? baseURL.absoluteString
    guard let port = baseURL.port else { return host }
    return "\(host):\(port)"
  }
}
