import Foundation
import QueryLanguage

/// An error that ends dcq, with its sysexits status; the one place where
/// error kinds map to exit codes.
struct Failure: Error, CustomStringConvertible {
  let status: Int32
  let message: String

  static func usage(_ message: String) -> Failure { Failure(status: 64, message: message) }
  static func input(_ message: String) -> Failure { Failure(status: 66, message: message) }
  static func noToken(_ message: String) -> Failure { Failure(status: 77, message: message) }
  static func emptyCache() -> Failure {
    Failure(
      status: 74,
      message:
        "the cache is empty: run dcq once without --offline to sync it (or query a file with --input FILE)")
  }

  /// A query error, rendered with the line, caret and notes of LANGUAGE.md §8.
  static func query(_ diagnostic: Diagnostic, source: String) -> Failure {
    Failure(status: 65, message: diagnostic.rendered(source: source))
  }

  var description: String { message }

  func report() {
    var text = message.hasSuffix("\n") ? message : message + "\n"
    if !text.hasPrefix("error:") { text = "dcq: " + text }
    FileHandle.standardError.write(Data(text.utf8))
  }
}
