import Foundation
import Testing

@testable import DatacrazyAPI

/// A list served page by page, like the API, with a maximum page and an
/// optional change between requests.
final class FakeListing: @unchecked Sendable {
  // Unchecked: `lock` guards every mutable field.
  private let lock = NSLock()
  private var records: [FetchedConversation]
  private let maximumTake: Int
  private let sendsCount: Bool
  /// Runs before each request is answered, with the request's number.
  private let change: ((Int, inout [FetchedConversation]) -> Void)?
  private(set) var requests: [PagerState.Request] = []

  init(
    count: Int, maximumTake: Int = 100, sendsCount: Bool = true,
    change: ((Int, inout [FetchedConversation]) -> Void)? = nil
  ) {
    records = (0..<count).map { conversation("r\($0)") }
    self.maximumTake = maximumTake
    self.sendsCount = sendsCount
    self.change = change
  }

  var ids: [String] { lock.withLock { records.map(\.id) } }
  var requestLog: [PagerState.Request] { lock.withLock { requests } }

  func page(skip: Int, take: Int) -> Page {
    lock.withLock {
      requests.append(PagerState.Request(skip: skip, take: take))
      change?(requests.count, &records)
      let start = min(skip, records.count)
      let end = min(records.count, skip + min(take, maximumTake))
      return Page(count: sendsCount ? records.count : nil, conversations: Array(records[start..<end]))
    }
  }

  func pager(take: Int, concurrency: Int) -> Pager {
    Pager(take: take, concurrency: concurrency) { skip, take in
      try await Task.sleep(for: .microseconds(Int.random(in: 0...300)))
      return self.page(skip: skip, take: take)
    }
  }
}

extension Pager {
  fileprivate init(take: Int, concurrency: Int, _ body: @escaping @Sendable (Int, Int) async throws -> Page) {
    self.init(take: take, concurrency: concurrency) { skip, take throws(APIError) in
      do { return try await body(skip, take) } catch { throw .cancelled }
    }
  }
}

@Suite struct PagerTests {
  @Test(arguments: [
    (0, 100, 100, 4), (1, 100, 100, 4), (100, 100, 100, 4), (101, 100, 100, 4), (1000, 100, 100, 4),
    (1000, 100, 100, 1), (999, 100, 37, 4), (250, 100, 50, 3), (10, 3, 3, 8),
  ])
  func everyRecordOnceInOrder(count: Int, take: Int, maximumTake: Int, concurrency: Int) async throws {
    let listing = FakeListing(count: count, maximumTake: maximumTake)
    let pass = try await listing.pager(take: take, concurrency: concurrency).run()
    #expect(pass.conversations.map(\.id) == listing.ids)
    #expect(pass.firstCount == count)
    // One request per page the server can give, plus the final empty page when count is 0.
    let pages = max(1, (count + maximumTake - 1) / maximumTake)
    #expect(listing.requestLog.count == pages)
  }

  @Test func aServerMaximumBelowTakeIsLearnedFromTheFirstPage() async throws {
    let listing = FakeListing(count: 500, maximumTake: 50)
    let pass = try await listing.pager(take: 100, concurrency: 4).run()
    #expect(pass.conversations.map(\.id) == listing.ids)
    #expect(listing.requestLog.map(\.skip).sorted() == Array(stride(from: 0, to: 500, by: 50)))
  }

  @Test func aFirstPageFetchedBeforeIsUsed() async throws {
    let listing = FakeListing(count: 300)
    let first = listing.page(skip: 0, take: 100)
    let pass = try await listing.pager(take: 100, concurrency: 2).run(first: first)
    #expect(pass.conversations.map(\.id) == listing.ids)
    #expect(listing.requestLog.map(\.skip).sorted() == [0, 100, 200])
  }

  @Test func aListThatShrankEndsOnAnEmptyPage() async throws {
    // Count says 250, but 20 records vanish after the first request.
    let listing = FakeListing(count: 250) { request, records in
      if request == 2 { records.removeLast(20) }
    }
    let pass = try await listing.pager(take: 100, concurrency: 1).run()
    #expect(pass.conversations.map(\.id) == listing.ids)
    #expect(pass.firstCount == 250)
    #expect(pass.lastCount == 230)
  }

  @Test func aShortPageInTheMiddleIsFilledIn() async throws {
    // The third request (the page at 200, say) comes back 30 short once.
    let listing = FakeListing(count: 600)
    let shortOnce = ShortOnce()
    let pager = Pager(take: 100, concurrency: 4) { skip, take in
      var page = listing.page(skip: skip, take: take)
      if skip == 200 && shortOnce.first() { page.conversations.removeLast(30) }
      return page
    }
    let pass = try await pager.run()
    #expect(pass.conversations.map(\.id) == listing.ids)
    #expect(listing.requestLog.contains(PagerState.Request(skip: 270, take: 30)))
  }

  @Test func withoutACountOnePageAtATimeUntilAnEmptyOne() async throws {
    let listing = FakeListing(count: 250, sendsCount: false)
    let pass = try await listing.pager(take: 100, concurrency: 4).run()
    #expect(pass.conversations.map(\.id) == listing.ids)
    #expect(listing.requestLog.map(\.skip) == [0, 100, 200, 250])
  }

  @Test func newRecordsAtTheTopRepeatRecordsWhichTheMergeRemoves() async throws {
    // Two new conversations arrive (newest first) while the pass reads.
    let listing = FakeListing(count: 300) { request, records in
      if request == 2 { records.insert(contentsOf: [conversation("new1"), conversation("new2")], at: 0) }
    }
    let pass = try await listing.pager(take: 100, concurrency: 1).run()
    var merger = ConversationMerger()
    merger.add(contentsOf: pass.conversations)
    #expect(merger.duplicates == 2)
    #expect(Set(merger.conversations.map(\.id)) == Set(listing.ids).subtracting(["new1", "new2"]))
  }

  @Test func aFailureEndsThePass() async {
    let pager = Pager(take: 10, concurrency: 3) { skip, _ throws(APIError) in
      if skip == 20 { throw APIError.unavailable("boom") }
      return Page(count: 100, conversations: (skip..<skip + 10).map { conversation("r\($0)") })
    }
    await #expect {
      try await pager.run()
    } throws: { error in
      guard case .unavailable("boom") = error as? APIError else { return false }
      return true
    }
  }

  @Test func pagesAreRequestedAheadUpToTheConcurrency() {
    var state = PagerState(take: 100, concurrency: 3)
    #expect(state.nextRequests() == [PagerState.Request(skip: 0, take: 100)])
    state.received(Page(count: 1000, conversations: (0..<100).map { conversation("r\($0)") }), at: 0)
    #expect(state.nextRequests().map(\.skip) == [100, 200, 300])
    #expect(state.nextRequests().isEmpty)
    state.received(Page(count: 1000, conversations: (300..<400).map { conversation("r\($0)") }), at: 300)
    #expect(state.cursor == 100)
    #expect(state.nextRequests().map(\.skip) == [400])
  }
}

final class ShortOnce: @unchecked Sendable {
  // Unchecked: `lock` guards `used`.
  private let lock = NSLock()
  private var used = false
  func first() -> Bool {
    lock.withLock {
      defer { used = true }
      return !used
    }
  }
}
