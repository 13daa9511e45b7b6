import CReadline
import Foundation
import Synchronization

/// GNU readline: editing, history file, completion, and Ctrl-C that clears
/// the line (or interrupts a running statement) without leaving the REPL.
final class LineEditor {
  private let history: HistoryFile?

  init(history: HistoryFile?, complete: @escaping @Sendable (_ before: String, _ word: String) -> [String]) {
    self.history = history
    CompletionState.shared.set(complete)
    dcq_set_readline_name("dcq")
    // Word breaks: a path such as `contact.name` or `tags[*].id` is one word;
    // quotes belong to the words completed (`"WHATSAPP"`); after `.run` and
    // `.save` the whole file name is (see `wordBreaks`). readline keeps the
    // pointers for the life of the process, so they are never freed.
    dcq_set_word_breaks(strdup(" \t\n|(),=<>!~+-/%;"))
    dcq_set_word_break_hook(wordBreaks)
    dcq_set_quote_characters(strdup(""))
    dcq_set_completion_function(attemptCompletion)
    history?.load()
    // dcq's own handler clears the line at once; readline's would wait for the next key.
    dcq_set_catch_signals(0)
    signal(SIGINT, handleInterrupt)
  }

  /// The next line, or nil at end of input (Ctrl-D).
  func readLine(prompt: String) -> String? {
    CompletionState.shared.setPending(pendingText)
    guard let raw = readline(prompt) else { return nil }
    defer { free(raw) }
    return String(cString: raw)
  }

  /// Earlier lines of an unfinished entry, so completion sees the whole statement.
  var pendingText = ""

  /// Adds an entry to the history (and its file), unless it starts with a
  /// space or repeats the previous entry.
  func remember(_ entry: String) {
    guard !entry.hasPrefix(" "), !entry.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      return
    }
    let stored = HistoryFile.storable(entry)
    if let last = history_get(dcq_history_base() + dcq_history_length() - 1),
      String(cString: last.pointee.line) == stored
    {
      return
    }
    add_history(stored)
    history?.append()
  }

  /// The last `count` entries, oldest first.
  func recentEntries(_ count: Int) -> [String] {
    let length = Int(dcq_history_length())
    let base = Int(dcq_history_base())
    return (max(0, length - count)..<length).compactMap { offset in
      history_get(Int32(base + offset)).map { String(cString: $0.pointee.line) }
    }
  }
}

/// Ctrl-C: counted (a running statement checks the count and stops), and
/// the line being typed is dropped for a fresh prompt.
let interruptCount = Atomic<Int>(0)

private func handleInterrupt(_ signal: Int32) {
  interruptCount.wrappingAdd(1, ordering: .relaxed)
  // Not strictly async-signal-safe, but readline's own examples do this: the
  // REPL thread is inside readline() (or running a statement) when it arrives.
  if CompletionState.shared.isReading {
    write(STDOUT_FILENO, "\n", 1)
    rl_on_new_line()
    rl_replace_line("", 0)
    rl_set_prompt("dcq> ")
    rl_redisplay()
  }
}

/// What the completion callbacks reach; readline calls them on the REPL's
/// thread, one at a time, and the lock keeps every access in order anyway.
final class CompletionState: @unchecked Sendable {
  static let shared = CompletionState()
  private let lock = NSLock()
  private var complete: (@Sendable (String, String) -> [String])?
  private var pending = ""
  /// Ctrl-Cs counted when `pending` was set: one more drops it.
  private var pendingInterrupts = 0
  private var matches: [String] = []
  private var next = 0
  private var reading = false

  func set(_ function: @escaping @Sendable (String, String) -> [String]) {
    lock.withLock { complete = function }
  }

  func setPending(_ text: String) {
    lock.withLock {
      pending = text
      pendingInterrupts = interruptCount.load(ordering: .relaxed)
      reading = true
    }
  }

  var isReading: Bool { lock.withLock { reading } }

  func doneReading() { lock.withLock { reading = false } }

  func compute(lineBefore: String, word: String) -> [String] {
    lock.withLock {
      // Ctrl-C on a continuation line dropped the statement's earlier lines.
      let dropped = interruptCount.load(ordering: .relaxed) != pendingInterrupts
      let before = pending.isEmpty || dropped ? lineBefore : pending + "\n" + lineBefore
      matches = complete?(before, word) ?? []
      next = 0
      return matches
    }
  }

  func nextMatch() -> String? {
    lock.withLock {
      guard next < matches.count else { return nil }
      defer { next += 1 }
      return matches[next]
    }
  }
}

/// readline's attempted-completion hook: candidates from the Completer, never file names.
private func attemptCompletion(
  _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  dcq_set_completion_over(1)
  let word = text.map { String(cString: $0) } ?? ""
  let line = dcq_line_buffer().map { String(cString: $0) } ?? ""
  let before = String(decoding: Array(line.utf8.prefix(Int(start))), as: UTF8.self)
  let matches = CompletionState.shared.compute(lineBefore: before, word: word)
  guard !matches.isEmpty else { return nil }
  // No space after a function's `(` or a folder's `/`: what follows comes at once.
  let opensSomething = matches.allSatisfy { $0.hasSuffix("(") || $0.hasSuffix("/") }
  dcq_set_append_character(opensSomething ? 0 : 32)
  return rl_completion_matches(text, completionGenerator)
}

private func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<
  CChar
>? {
  guard let match = CompletionState.shared.nextMatch() else { return nil }
  return strdup(match)
}

/// Only white space breaks words after `.run` and `.save`, so that a file
/// name such as `reports/my-week.dcq` is completed whole; elsewhere the
/// expression breaks set in `LineEditor.init` apply (nil).
private func wordBreaks() -> UnsafeMutablePointer<CChar>? {
  let line = dcq_line_buffer().map { String(cString: $0) } ?? ""
  let command = line.drop { $0 == " " || $0 == "\t" }.prefix { $0 != " " && $0 != "\t" }.lowercased()
  return command == ".run" || command == ".save" ? fileNameBreaks : nil
}

// Unsafe: written once, at first use, and only read after that (by readline,
// on the REPL's thread).
private nonisolated(unsafe) let fileNameBreaks = strdup(" \t\n")
