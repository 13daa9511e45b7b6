import Foundation
import QueryLanguage

/// The field catalog for completion, built on a background thread so the
/// first prompt appears at once.
final class VocabularyLoader: @unchecked Sendable {
  // Unchecked: `lock` guards `catalog`; the loading thread writes it once.
  private let lock = NSLock()
  /// Loads started so far: only the latest one's catalog is kept.
  private var loads = 0
  private var catalog: FieldCatalog?
  /// Left when the catalog is built: a Tab pressed before that waits for it.
  private let loading = DispatchGroup()
  private let runner: ScriptRunner

  init(runner: ScriptRunner) {
    self.runner = runner
  }

  func startLoading() {
    let source = runner.session.source
    let generation = lock.withLock {
      catalog = nil
      loads += 1
      return loads
    }
    loading.enter()
    Thread.detachNewThread { [self] in
      let built = try? FieldCatalog.build(from: source)
      // A load of older records that ends late must not replace a newer catalog.
      lock.withLock { if generation == loads { catalog = built } }
      loading.leave()
    }
  }

  /// The catalog if it is built, without waiting (field warnings do not
  /// hold a query back).
  func readyCatalog() -> FieldCatalog? {
    lock.withLock { catalog }
  }

  /// The catalog, once built (waiting up to 30 s for it).
  func builtCatalog() -> FieldCatalog? {
    _ = loading.wait(timeout: .now() + 30)
    return lock.withLock { catalog }
  }

  func current() -> CompletionVocabulary {
    let catalog = builtCatalog()
    var values: [String: [String]] = [:]
    for field in catalog?.fields ?? [] {
      if let few = field.fewValues, !few.isEmpty { values[field.path] = few }
    }
    let lets = runner.session.letNames.sorted()
    return CompletionVocabulary(
      fields: catalog?.paths ?? [], values: values, letNames: lets,
      files: FileNames.matching)
  }
}
