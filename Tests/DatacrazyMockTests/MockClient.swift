import DatacrazyMock
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A plain HTTP client for the tests: real requests over 127.0.0.1.
struct MockClient {
  /// One answer as the client saw it.
  struct Answer {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    /// The body as JSON (a dictionary for the API's pages and errors).
    var json: [String: Any] {
      (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }
    var count: Int? { json["count"] as? Int }
    var ids: [String] { (json["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
  }

  let base: URL
  var token: String?
  let session: URLSession

  init(base: URL, token: String? = nil) {
    self.base = base
    self.token = token
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = 10
    session = URLSession(configuration: configuration)
  }

  /// GETs `path?query` (the query as sent, brackets and all).
  func get(_ query: String = "", path: String = "/api/v1/conversations", method: String = "GET")
    async throws -> Answer
  {
    var request = URLRequest(
      url: URL(string: base.absoluteString + path + (query.isEmpty ? "" : "?" + query))!)
    request.httpMethod = method
    if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
    let (data, response) = try await session.data(for: request)
    let http = response as! HTTPURLResponse
    var headers: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
      headers[String(describing: name).lowercased()] = String(describing: value)
    }
    return Answer(status: http.statusCode, headers: headers, body: Array(data))
  }

  /// Every record id, paging with `take` until `count` is reached or a page comes back empty.
  func pageAll(_ filter: String = "", take: Int) async throws -> (ids: [String], counts: Set<Int>) {
    var ids: [String] = []
    var counts: Set<Int> = []
    var skip = 0
    while true {
      let answer = try await get("skip=\(skip)&take=\(take)" + (filter.isEmpty ? "" : "&" + filter))
      guard answer.status == 200, let count = answer.count else {
        throw UnexpectedAnswer(answer: answer.text)
      }
      counts.insert(count)
      let page = answer.ids
      ids += page
      skip += page.count
      if page.isEmpty || skip >= count { return (ids, counts) }
    }
  }

  struct UnexpectedAnswer: Error {
    let answer: String
  }
}

/// Runs `body` against a started server, and stops it afterwards.
func withServer<T>(
  _ configuration: DatacrazyMockServer.Configuration,
  _ body: (DatacrazyMockServer, MockClient) async throws -> T
) async throws -> T {
  let server = DatacrazyMockServer(configuration: configuration)
  _ = try await server.start()
  let client = await MockClient(base: server.baseURL, token: configuration.token)
  do {
    let result = try await body(server, client)
    await server.stop()
    return result
  } catch {
    await server.stop()
    throw error
  }
}
