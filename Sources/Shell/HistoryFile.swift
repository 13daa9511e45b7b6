import CReadline
import Foundation

/// The REPL's history file: private (0600, in a 0700 folder when dcq makes
/// it), read at start, appended after every entry so a crash loses nothing.
public struct HistoryFile {
  let path: String

  /// `DCQ_HISTORY`, else `$XDG_STATE_HOME/dcq/history`, else `~/.local/state/dcq/history`.
  public static func path(environment: [String: String]) -> String {
    if let path = environment["DCQ_HISTORY"], !path.isEmpty { return path }
    let state =
      environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
    return state + "/dcq/history"
  }

  /// Creates the file (and its folder) if needed, private either way.
  init?(path: String) {
    self.path = path
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
      try? FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return nil }
    fchmod(descriptor, 0o600)
    close(descriptor)
  }

  func load() {
    if hasEntriesWithoutTimestamps {
      dcq_upgrade_history(path)
      chmod(path, 0o600)
      return
    }
    dcq_set_multiline_history()
    read_history(path)
  }

  /// True for a history file of dcq before 0.1.0's multi-line entries: lines,
  /// but no `#` timestamp line before them.
  private var hasEntriesWithoutTimestamps: Bool {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8), !text.isEmpty else { return false }
    guard let first = text.split(separator: "\n", maxSplits: 1).first else { return false }
    return !(first.hasPrefix("#") && first.dropFirst().first?.isNumber == true)
  }

  func append() {
    append_history(1, path)
    chmod(path, 0o600)
  }

  /// `entry` as the history file can hold it: a line that starts with `#`
  /// and a digit would read back as a timestamp, so it gets a leading space
  /// (it is a comment either way).
  static func storable(_ entry: String) -> String {
    entry.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.first == "#" && line.dropFirst().first?.isNumber == true ? " " + line : line
    }.joined(separator: "\n")
  }
}
