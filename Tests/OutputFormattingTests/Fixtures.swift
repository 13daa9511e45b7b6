import OutputFormatting
import QueryLanguage

/// An object value with keys in the order written.
func object(_ members: KeyValuePairs<String, Value>) -> Value {
  .object(Object(keys: members.map(\.key), values: members.map(\.value)))
}

/// A `.json` value over its own copy of `text`, as the record reader makes
/// them.
///
/// The copy is never freed: a `JSONText` holds no reference to its memory,
/// and these few bytes must outlive every value made from them in a test.
func json(_ text: String) -> Value {
  let bytes = Array(text.utf8)
  let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 64)
  memory.initialize(repeating: 0, count: bytes.count + 64)
  memory.update(from: bytes, count: bytes.count)
  return .json(JSONText(start: UnsafePointer(memory), count: bytes.count))
}

/// What a `ResultWriter` with `options` writes while `body` drives it.
func output(
  _ options: OutputOptions, _ body: (inout ResultWriter) throws -> Void
) rethrows -> String {
  let collector = ByteCollector()
  var writer = ResultWriter(options: options) { collector.bytes.append(contentsOf: $0) }
  try body(&writer)
  return String(decoding: collector.bytes, as: UTF8.self)
}

/// What `ResultWriter` writes for the statements in `results`, each a list
/// of records, with the writer choosing the columns.
func output(_ options: OutputOptions, statements results: [[Value]]) -> String {
  output(options) { writer in
    for records in results {
      try! writer.begin(columns: nil)
      for record in records { try! writer.write(record) }
      try! writer.end()
    }
  }
}

/// A sink's bytes, kept by reference so the closure can add to them.
final class ByteCollector {
  var bytes: [UInt8] = []
}

/// Bytes an `append(_:to:)`-style function writes.
func text(_ append: (inout [UInt8]) -> Void) -> String {
  var bytes: [UInt8] = []
  append(&bytes)
  return String(decoding: bytes, as: UTF8.self)
}
