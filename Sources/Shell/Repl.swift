import Foundation
import OutputFormatting
import QueryLanguage

/// The interactive shell: reads entries with readline, runs them, prints
/// results that fit the terminal, and goes on after errors and Ctrl-C.
public final class Repl: @unchecked Sendable {
  // Unchecked: `run()` is called once, on one thread, and everything else is used from it.
  private let runner: ScriptRunner
  private let editor: LineEditor
  private let screen: Screen
  private let vocabulary: VocabularyLoader

  /// `display` receives each entry's output, to write or page.
  public init(
    session: QuerySession, options: OutputOptions, historyPath: String?, screen: Screen,
    cache: CacheControl? = nil, workers: Int = 2
  ) {
    self.screen = screen
    let collected = OutputBuffer()
    // Warnings and timings are kept with the results, so that they show in order.
    runner = ScriptRunner(
      session: session, options: options, keepsResults: true, sink: collected.append,
      errors: { collected.append(error: $0 + "\n") })
    let vocabulary = VocabularyLoader(runner: runner)
    self.vocabulary = vocabulary
    runner.warningCatalog = { vocabulary.readyCatalog() }
    runner.catalogProvider = { vocabulary.builtCatalog() }
    editor = LineEditor(history: historyPath.flatMap(HistoryFile.init(path:))) { before, word in
      Completer.complete(before: before, word: word, vocabulary.current())
    }
    self.output = collected
    runner.cache = cache
    runner.workers = workers
    runner.onRefresh = { vocabulary.startLoading() }
  }

  private let output: OutputBuffer

  /// Reads and runs entries until Ctrl-D or `.quit`.
  public func run() {
    vocabulary.startLoading()
    var pending = ""
    var seenInterrupts = interruptCount.load(ordering: .relaxed)
    while !runner.stopped {
      if pending.isEmpty { takeBackgroundSync() }
      editor.pendingText = pending
      let line = editor.readLine(prompt: pending.isEmpty ? "dcq> " : "  -> ")
      CompletionState.shared.doneReading()
      guard let line else {
        FileHandle.standardOutput.write(Data("\n".utf8))
        return
      }
      let interrupts = interruptCount.load(ordering: .relaxed)
      if interrupts != seenInterrupts {
        // Ctrl-C dropped what was typed of an unfinished entry.
        pending = ""
        seenInterrupts = interrupts
      }
      pending = pending.isEmpty ? line : pending + "\n" + line
      if EntryState.isUnfinished(pending) { continue }
      let entry = pending
      pending = ""
      guard !entry.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
      editor.remember(entry)
      guard awaitRecords(for: entry) else {
        FileHandle.standardError.write(
          Data("stopped waiting; the conversations are still loading in the background\n".utf8))
        seenInterrupts = interruptCount.load(ordering: .relaxed)
        continue
      }
      // A sync that ended while the user typed: its records answer this entry.
      takeBackgroundSync()
      run(entry)
      seenInterrupts = interruptCount.load(ordering: .relaxed)
    }
  }

  /// Waits, while the first sync still runs in the background, for the
  /// records that `entry` needs; false when Ctrl-C stopped the wait.
  private func awaitRecords(for entry: String) -> Bool {
    guard let cache = runner.cache, cache.awaitsRecords else { return true }
    let trimmed = entry.drop { $0 == " " || $0 == "\t" }
    let needsRecords = !trimmed.hasPrefix(".") || trimmed.hasPrefix(".fields") || trimmed.hasPrefix(".run")
    guard needsRecords else { return true }
    let start = interruptCount.load(ordering: .relaxed)
    return cache.waitForRecords { interruptCount.load(ordering: .relaxed) != start }
  }

  /// Tells the user that the background sync ended and, when it brought
  /// new records, answers from them from now on.
  private func takeBackgroundSync() {
    guard let finished = runner.cache?.finishedBackgroundSync() else { return }
    FileHandle.standardError.write(Data((finished.message + "\n").utf8))
    if let records = finished.records { runner.replaceRecords(with: records) }
  }

  private func run(_ entry: String) {
    let startCount = interruptCount.load(ordering: .relaxed)
    runner.session.interruption = { interruptCount.load(ordering: .relaxed) != startCount }
    runner.history = { [editor] count in editor.recentEntries(count) }
    defer { runner.session.interruption = nil }
    runner.startOver(width: screen.columns())
    do {
      try runner.run(entry)
    } catch let error as ShellError {
      screen.show(output.take())
      FileHandle.standardError.write(
        Data(error.message.hasSuffix("\n") ? error.message.utf8 : (error.message + "\n").utf8))
      return
    } catch is QueryInterrupted {
      screen.show(output.take())
      FileHandle.standardError.write(Data("interrupted\n".utf8))
      return
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    }
    screen.show(output.take())
  }
}
