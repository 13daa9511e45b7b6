/// How a split read went: for tests and tuning.
struct SplitStatistics: Equatable {
  /// Chunks read by a worker from the right position, whose results were used.
  var chunksTaken = 0
  /// Chunks the coordinator read itself.
  var chunksReadDirectly = 0
  /// Times a worker's read failed and it tried a later start.
  var retries = 0
  /// Chunks a worker read (or began to) whose results were thrown away.
  var chunksDiscarded = 0

  static func + (left: Self, right: Self) -> Self {
    Self(
      chunksTaken: left.chunksTaken + right.chunksTaken,
      chunksReadDirectly: left.chunksReadDirectly + right.chunksReadDirectly,
      retries: left.retries + right.retries,
      chunksDiscarded: left.chunksDiscarded + right.chunksDiscarded)
  }
}
