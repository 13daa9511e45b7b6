import Foundation

@testable import DatacrazyAPI

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A conversation record's JSON, as the API would send it.
func recordJSON(id: String, updatedAt: String? = "2025-06-24T16:28:23.722Z", extra: String = "") -> [UInt8] {
  var text = "{\"id\":\"\(id)\""
  if let updatedAt { text += ",\"updatedAt\":\"\(updatedAt)\"" }
  text += extra + "}"
  return Array(text.utf8)
}

func conversation(_ id: String, updatedAt: String? = "2025-06-24T16:28:23.722Z") -> FetchedConversation {
  FetchedConversation(id: id, updatedAt: updatedAt, json: recordJSON(id: id, updatedAt: updatedAt))
}

/// `{"count": N, "data": [records]}`.
func pageJSON(count: Int?, records: [[UInt8]]) -> [UInt8] {
  var bytes: [UInt8] = Array("{".utf8)
  if let count { bytes += Array("\"count\": \(count), ".utf8) }
  bytes += Array("\"data\": [".utf8)
  for (index, record) in records.enumerated() {
    if index > 0 { bytes += Array(",\n".utf8) }
    bytes += record
  }
  bytes += Array("]}".utf8)
  return bytes
}

/// A token no message may show.
let secretToken = "dc_SECRET-token-1234567890"

/// A configuration for tests: fast retries, no pacing.
func testConfiguration(_ baseURL: URL, token: String = secretToken) -> APIConfiguration {
  var configuration = APIConfiguration(baseURL: baseURL, token: token)
  configuration.rateLimit = nil
  configuration.retryBaseDelay = .milliseconds(5)
  configuration.maximumRetryDelay = .milliseconds(50)
  configuration.requestTimeout = .seconds(5)
  configuration.userAgent = "dcq/test"
  return configuration
}

/// Collects log lines and progress reports from the client's tasks.
final class Recorder<Element: Sendable>: @unchecked Sendable {
  // Unchecked: `lock` guards `items`.
  private let lock = NSLock()
  private var items: [Element] = []
  func append(_ item: Element) { lock.withLock { items.append(item) } }
  var all: [Element] { lock.withLock { items } }
}

/// Whether `error` is `.cancelled`.
func isCancelled(_ error: APIError) -> Bool {
  if case .cancelled = error { return true }
  return false
}

/// Numbers calls from several tasks: 1, 2, 3...
final class Counter: @unchecked Sendable {
  // Unchecked: `lock` guards `value`.
  private let lock = NSLock()
  private var value = 0
  func next() -> Int {
    lock.withLock {
      value += 1
      return value
    }
  }
}
