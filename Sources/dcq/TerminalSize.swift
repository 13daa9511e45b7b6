import Foundation

enum TerminalSize {
  /// The width of the terminal on stdout, or of `COLUMNS`, else 80.
  static func columns() -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return Int(size.ws_col)
    }
    return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
  }

  /// The height of the terminal on stdout, or of `LINES`, else 24.
  static func rows() -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 {
      return Int(size.ws_row)
    }
    return ProcessInfo.processInfo.environment["LINES"].flatMap(Int.init) ?? 24
  }
}
