import Foundation

@testable import DatacrazyAPI

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An HTTP answer from a fake server.
struct FakeAnswer: Sendable {
  var status = 200
  var headers: [String: String] = [:]
  var body: [UInt8] = []
}

/// A transport that answers from a closure, and remembers what it was sent.
final class FakeTransport: HTTPTransport, @unchecked Sendable {
  // Unchecked: `lock` guards `sent`; `answer` is immutable.
  private let lock = NSLock()
  private var sent: [URLRequest] = []
  private let answer: @Sendable (URLRequest, Int) async throws -> FakeAnswer

  /// `answer` gets each request and its number (1 for the first).
  init(_ answer: @escaping @Sendable (URLRequest, Int) async throws -> FakeAnswer) {
    self.answer = answer
  }

  var requests: [URLRequest] { lock.withLock { sent } }

  func send(_ request: URLRequest) async throws -> (body: Data, response: HTTPURLResponse) {
    let number = lock.withLock {
      sent.append(request)
      return sent.count
    }
    let answer = try await answer(request, number)
    let response = HTTPURLResponse(
      url: request.url!, statusCode: answer.status, httpVersion: "HTTP/1.1", headerFields: answer.headers)!
    return (Data(answer.body), response)
  }
}

extension URLRequest {
  /// The value of query item `name`.
  func query(_ name: String) -> String? {
    URLComponents(url: url!, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == name }?.value
  }

  var isFinishedPass: Bool { query("filter[opened]") == "false" }
}

/// A fake API holding open and finished conversations: pages like the real one.
func listingServer(open: [[UInt8]], finished: [[UInt8]], maximumTake: Int = 100)
  -> @Sendable (URLRequest, Int) async throws -> FakeAnswer
{
  { request, _ in
    let records = request.isFinishedPass ? finished : open
    let skip = Int(request.query("skip") ?? "0")!
    let take = min(maximumTake, Int(request.query("take") ?? "10")!)
    let start = min(skip, records.count)
    let end = min(records.count, skip + take)
    return FakeAnswer(body: pageJSON(count: records.count, records: Array(records[start..<end])))
  }
}
