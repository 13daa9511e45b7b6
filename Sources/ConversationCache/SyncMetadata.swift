import Foundation

/// What the last successful sync did.
///
/// The cache keeps `finishedAt` and `duration` to the millisecond.
public struct SyncMetadata: Sendable, Equatable {
  public var apiURL: String
  public var finishedAt: Date
  public var records: Int
  public var duration: Duration
  public var requests: Int
  public init(apiURL: String, finishedAt: Date, records: Int, duration: Duration, requests: Int) {
    self.apiURL = apiURL
    self.finishedAt = finishedAt
    self.records = records
    self.duration = duration
    self.requests = requests
  }
}

extension SyncMetadata {
  /// `finishedAt` as Unix time in milliseconds, the way the database stores it.
  var finishedAtMilliseconds: Int64 {
    Int64((finishedAt.timeIntervalSince1970 * 1000).rounded())
  }

  /// `duration` in whole milliseconds, the way the database stores it.
  var durationMilliseconds: Int64 {
    let (seconds, attoseconds) = duration.components
    return seconds * 1000 + Int64((Double(attoseconds) / 1e15).rounded())
  }

  init(
    apiURL: String, finishedAtMilliseconds: Int64, records: Int, durationMilliseconds: Int64, requests: Int
  ) {
    self.init(
      apiURL: apiURL, finishedAt: Date(timeIntervalSince1970: Double(finishedAtMilliseconds) / 1000),
      records: records, duration: .milliseconds(durationMilliseconds), requests: requests)
  }
}
