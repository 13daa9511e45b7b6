#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The cache holds customers' names and phone numbers: its folders are 0700
/// and its files 0600 whatever the process's umask, so every mode is set
/// explicitly after creation.
///
/// SQLite creates a database's `-wal`, `-shm` and `-journal` files with the
/// database file's own mode (it `fchmod`s them; os_unix.c,
/// `findCreateFileMode`), so a database file created 0600 keeps its
/// companions 0600 in every process. `enforce(in:)` checks again after each
/// write.
enum FileModes {
  static let folder: mode_t = 0o700
  static let file: mode_t = 0o600

  /// Creates `path` and any missing parents as folders 0700. Folders that
  /// already exist keep their modes: the cache root may be one the user chose.
  static func makeFolders(_ path: String) throws(CacheError) {
    var status = stat()
    if stat(path, &status) == 0 {
      guard status.st_mode & S_IFMT == S_IFDIR else {
        throw .system("use the cache folder", path, code: ENOTDIR)
      }
      return
    }
    guard errno == ENOENT else { throw .system("use the cache folder", path) }
    let parent = parentPath(path)
    if parent != path { try makeFolders(parent) }
    try makeFolder(path)
  }

  /// Creates the folder `path` (if missing) and sets its mode to 0700.
  static func makeFolder(_ path: String) throws(CacheError) {
    if mkdir(path, folder) != 0 {
      let code = errno
      var status = stat()
      guard code == EEXIST, lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
        throw .system("create the cache folder", path, code: code == EEXIST ? ENOTDIR : code)
      }
    }
    guard chmod(path, folder) == 0 else { throw .system("set the mode of", path) }
  }

  /// Opens `path` with `flags`, creating it 0600 if missing; the mode is set
  /// on the open file, so a file that existed with a wider mode is narrowed.
  static func openFile(_ path: String, flags: Int32, action: String) throws(CacheError) -> Int32 {
    var descriptor: Int32
    repeat {
      descriptor = open(path, flags | O_CREAT | O_CLOEXEC | O_NOFOLLOW, file)
    } while descriptor < 0 && errno == EINTR
    guard descriptor >= 0 else { throw .system(action, path) }
    guard fchmod(descriptor, file) == 0 else {
      let code = errno
      close(descriptor)
      throw .system("set the mode of", path, code: code)
    }
    return descriptor
  }

  /// Creates `path` 0600 if missing, or narrows its mode.
  static func touch(_ path: String) throws(CacheError) {
    close(try openFile(path, flags: O_RDWR, action: "create"))
  }

  /// Sets the folder to 0700 and every file in it to 0600. A file that
  /// vanishes meanwhile (SQLite removes `-wal` and `-shm` when its last
  /// connection closes) is no error.
  static func enforce(in folderPath: String) throws(CacheError) {
    guard chmod(folderPath, folder) == 0 else { throw .system("set the mode of", folderPath) }
    for name in try fileNames(in: folderPath) {
      let path = folderPath + "/" + name
      var status = stat()
      guard lstat(path, &status) == 0 else { continue }
      guard status.st_mode & S_IFMT == S_IFREG, status.st_mode & 0o7777 != file else { continue }
      if chmod(path, file) != 0 && errno != ENOENT { throw .system("set the mode of", path) }
    }
  }

  /// The names of the entries in `path`, without `.` and `..`, sorted.
  static func fileNames(in path: String) throws(CacheError) -> [String] {
    guard let directory = opendir(path) else { throw .system("list", path) }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// Makes the folder's entries durable (a new file's name, a removal).
  static func syncFolder(_ path: String) throws(CacheError) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .system("open", path) }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 || errno == EINVAL else { throw .system("flush", path) }
  }

  static func parentPath(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    let parent = trimmed[..<slash]
    return parent.isEmpty ? "/" : String(parent)
  }
}
