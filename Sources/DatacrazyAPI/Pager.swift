/// Reads one pass (open or finished conversations) page by page, several
/// pages in flight, and assembles the records in order. See `PagerState`.
struct Pager: Sendable {
  typealias Fetch = @Sendable (_ skip: Int, _ take: Int) async throws(APIError) -> Page

  struct Pass: Sendable {
    var conversations: [FetchedConversation]
    /// The API's `count` on the first page and on the last page taken.
    var firstCount: Int?
    var lastCount: Int?
  }

  let take: Int
  let concurrency: Int
  let fetch: Fetch

  /// Reads the pass; `first`, when given, is its page at `skip` 0, already fetched.
  func run(first: Page? = nil) async throws(APIError) -> Pass {
    var state = PagerState(take: take, concurrency: concurrency)
    if let first { state.received(first, at: 0) }
    let fetch = self.fetch
    let failure = await withTaskGroup(of: (Int, Result<Page, APIError>).self) { group -> APIError? in
      while true {
        for request in state.nextRequests() {
          group.addTask { (request.skip, await Self.outcome(of: fetch, request)) }
        }
        guard !state.ended, state.isWaiting, let (skip, result) = await group.next() else {
          group.cancelAll()
          return nil
        }
        switch result {
        case .success(let page):
          state.received(page, at: skip)
        case .failure(let error):
          group.cancelAll()
          return error
        }
      }
    }
    if let failure { throw failure }
    return Pass(conversations: state.conversations, firstCount: state.firstCount, lastCount: state.count)
  }

  /// The page or the error, as a value. A function, not a `do`/`catch` in the
  /// child task's closure: swiftc 6.3.1 with `-O` miscompiles that closure
  /// (the values it captured come out wrong, or it crashes).
  private static func outcome(of fetch: Fetch, _ request: PagerState.Request) async -> Result<Page, APIError>
  {
    do {
      return .success(try await fetch(request.skip, request.take))
    } catch {
      return .failure(error)
    }
  }
}
