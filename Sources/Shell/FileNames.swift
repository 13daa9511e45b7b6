import Foundation

/// File names for `.run` and `.save`.
enum FileNames {
  /// The files and folders (these ending in `/`) whose path starts with
  /// `prefix`, relative to the working directory unless it is absolute.
  static func matching(_ prefix: String) -> [String] {
    let folder = prefix.lastIndex(of: "/").map { String(prefix[...$0]) } ?? ""
    let start = String(prefix.dropFirst(folder.count))
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
    return names.filter { $0.hasPrefix(start) && (start.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map {
      var isFolder: ObjCBool = false
      let path = folder + $0
      FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      return isFolder.boolValue ? path + "/" : path
    }
  }

  /// The file that a `.run` or `.save` argument names: surrounding quotes
  /// removed (`.save "week 48.csv"`), and a leading `~/` for the home folder.
  static func expanded(
    _ argument: String, home: String? = ProcessInfo.processInfo.environment["HOME"]
  ) -> String {
    var path = argument
    if path.count >= 2, let first = path.first, first == "\"" || first == "'", path.last == first {
      path = String(path.dropFirst().dropLast())
    }
    if path.hasPrefix("~/"), let home, !home.isEmpty {
      path = home + path.dropFirst()
    }
    return path
  }
}
