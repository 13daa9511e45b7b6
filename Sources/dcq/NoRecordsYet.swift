import QueryLanguage

/// The REPL's records while its first sync has not brought any.
struct NoRecordsYet: RecordSource {
  struct Unavailable: Error, CustomStringConvertible {
    var description: String { "no records yet: the first sync has not brought any (.refresh tries again)" }
  }

  func read<T: Sendable>(
    paths: PathTrie, process: @escaping @Sendable (RecordBatch) -> T, consume: (T) throws -> Bool
  ) throws {
    throw Unavailable()
  }
}
