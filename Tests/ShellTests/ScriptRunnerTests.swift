import Foundation
import OutputFormatting
import QueryLanguage
import Synchronization
import Testing

@testable import Shell

/// Runs `script` over `json` with csv output; returns what it printed and the warnings.
func runScript(_ script: String, over json: String = shellRecords, format: OutputFormat = .csv) throws
  -> String
{
  let (runner, collected) = collectingRunner(
    source: JSONRecordSource(buffer: JSONBuffer(bytes: Array(json.utf8)), workers: 1), format: format)
  try runner.run(script)
  return collected.text
}

/// A runner over `source` whose output and warnings are collected.
func collectingRunner(
  source: RecordSource = JSONRecordSource(buffer: JSONBuffer(bytes: Array(shellRecords.utf8)), workers: 1),
  format: OutputFormat = .csv
) -> (ScriptRunner, TextCollector) {
  let collected = TextCollector()
  let runner = ScriptRunner(
    session: QuerySession(source: source, clock: { 0 }), options: OutputOptions(format: format),
    sink: collected.append, errors: { collected.errors.append($0) })
  return (runner, collected)
}

final class TextCollector: @unchecked Sendable {
  var text = ""
  var errors: [String] = []
  func append(_ bytes: UnsafeRawBufferPointer) { text += String(decoding: bytes, as: UTF8.self) }
}

let shellRecords = """
  {"id": "c1", "finished": true, "contact": {"name": "Ana", "platform": "WHATSAPP"}, "tags": ["a"]}
  {"id": "c2", "finished": false, "contact": {"name": "Bia"}}
  """

@Suite struct ScriptRunnerTests {
  @Test func formatChangesTheOutputOfLaterStatements() throws {
    #expect(try runScript("count\n.format ndjson\ncount") == "count\n2\n{\"count\":2}\n")
  }

  @Test func paramBindsForTheStatementsAfterIt() throws {
    #expect(try runScript(".param want \"c2\"\nwhere id == $want | select id") == "id\nc2\n")
  }

  @Test func fieldsListsPathsTypesShareAndExample() throws {
    #expect(
      try runScript(".fields contact") == """
        path,types,share,example
        contact,object,100%,"{""name"":""Ana"",""platform"":""WHATSAPP""}"
        contact.name,string,100%,Ana
        contact.platform,string,50%,WHATSAPP

        """)
  }

  @Test func unknownDotCommandRunsNothingAndSuggests() throws {
    #expect {
      try runScript("count\n.fomat json")
    } throws: { error in
      (error as? ShellError)?.message == """
        error: unknown dot-command '.fomat' at 2:1
          .fomat json
          ^~~~~~
          did you mean '.format'?

        """
    }
  }

  @Test func quitStopsTheScript() throws {
    #expect(try runScript("count\n.quit\ncount") == "count\n2\n")
  }

  @Test func helpNamesAStageOrSuggests() throws {
    #expect(try runScript(".help where") == "where EXPR\n  keeps records for which EXPR is true\n")
    #expect(try runScript(".help lowr") == "no help on 'lowr' (did you mean 'lower'?)\n")
    #expect(try runScript(".help LET").hasPrefix("let NAME = PIPELINE\n"))
    #expect(try runScript(".help lett") == "no help on 'lett' (did you mean 'let'?)\n")
    let overview = try runScript(".help")
    for name in ["summarize", "percentile(x, p)", ".fields [prefix]", "coalesce(a, b, ...)"] {
      #expect(overview.contains(name), "\(name)")
    }
  }

  @Test func explainAndLets() throws {
    #expect(
      try runScript(".explain where not finished") == "pipeline conversations\n  | where (not finished)\n")
    #expect(try runScript("let open = where not finished\nlet all = count\n.lets") == "all\nopen\n")
  }

  @Test func paramsListsBindings() throws {
    #expect(
      try runScript(".param since 7d\n.param who 'x'\n.params") == "name,value\n$since,604800\n$who,x\n")
  }

  @Test func fieldWarningsNameTheNearestField() throws {
    let session = QuerySession(
      source: JSONRecordSource(buffer: JSONBuffer(bytes: Array(shellRecords.utf8)), workers: 1), clock: { 0 })
    let runner = ScriptRunner(
      session: session, options: OutputOptions(format: .csv), sink: { _ in }, errors: { _ in })
    let script = try runner.parse("where contact.nmae == 1 | select finished, x = tags[0]")
    #expect(
      try runner.fieldWarnings(script) == [
        """
        warning: no record has the field 'contact.nmae' at 1:7
          where contact.nmae == 1 | select finished, x = tags[0]
                ^~~~~~~~~~~~
          did you mean 'contact.name'?

        """
      ])
  }
}

@Suite struct SaveTests {
  @Test(arguments: [
    ("out.csv", "out.csv"), ("\"week 48.csv\"", "week 48.csv"), ("'a b.tsv'", "a b.tsv"),
    ("~/r.csv", "/home/ana/r.csv"), ("\"~/x y.csv\"", "/home/ana/x y.csv"), ("a~/b.csv", "a~/b.csv"),
    ("\"", "\""),
  ])
  func fileArgumentsLoseTheirQuotesAndFindHome(_ argument: String, _ path: String) {
    #expect(FileNames.expanded(argument, home: "/home/ana") == path)
  }

  @Test func explainNeedsAQuery() {
    #expect(throws: ShellError.self) { try runScript(".explain") }
  }

  @Test func saveWritesTheLastResultInTheFormatOfTheExtensionToAPrivateFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dcq-save-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let session = QuerySession(
      source: JSONRecordSource(buffer: JSONBuffer(bytes: Array(shellRecords.utf8)), workers: 2), clock: { 0 })
    let runner = ScriptRunner(
      session: session, options: OutputOptions(format: .table), keepsResults: true, sink: { _ in },
      errors: { _ in })
    // A quoted name may hold spaces.
    let csv = folder.appendingPathComponent("out 1.csv").path
    let json = folder.appendingPathComponent("out.json").path
    try runner.run("select id, who = contact.name\n.save \"\(csv)\"\n.save \(json)")
    #expect(try String(contentsOfFile: csv, encoding: .utf8) == "id,who\nc1,Ana\nc2,Bia\n")
    #expect(
      try String(contentsOfFile: json, encoding: .utf8) == """
        [
          {
            "id": "c1",
            "who": "Ana"
          },
          {
            "id": "c2",
            "who": "Bia"
          }
        ]

        """)
    let mode = try FileManager.default.attributesOfItem(atPath: csv)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(throws: ShellError.self) { try runner.run(".save \(folder.path)/out.xyz") }
  }

  @Test func saveBeforeAnyResultIsAnError() {
    let session = QuerySession(source: EmptyRecordSource(), clock: { 0 })
    let runner = ScriptRunner(
      session: session, options: OutputOptions(format: .csv), keepsResults: true, sink: { _ in },
      errors: { _ in })
    #expect(throws: ShellError.self) { try runner.run(".save x.csv") }
  }
}

/// A cache that hands out records from memory, counting what was asked of it.
final class FakeCache: CacheControl {
  var offline = false
  var refreshes = 0
  var cleared = false
  let next: String

  init(next: String) { self.next = next }

  func refresh() throws -> JSONBuffer {
    refreshes += 1
    return JSONBuffer(bytes: Array(next.utf8))
  }

  func describe() throws -> String { "fake cache, \(refreshes) refreshes" }
  func clear() throws { cleared = true }
}

@Suite struct CacheCommandTests {
  func runner(cache: CacheControl?) -> (ScriptRunner, TextCollector) {
    let (runner, collected) = collectingRunner()
    runner.cache = cache
    return (runner, collected)
  }

  @Test func earlierResultsKeepTheirRecordsAfterAReplace() throws {
    // `let` results point into the records they came from: replacing the
    // session's records must not release those.
    let released = Released()
    let text = Array(shellRecords.utf8)
    let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: text.count + JSONBuffer.padding)
    memory.initialize(repeating: 0, count: text.count + JSONBuffer.padding)
    memory.update(from: text, count: text.count)
    let address = Int(bitPattern: memory)
    let (runner, collected) = collectingRunner(
      source: CachingRecordSource(
        JSONRecordSource(
          buffer: JSONBuffer(adopting: UnsafePointer(memory), count: text.count) {
            released.mark()
            UnsafeMutablePointer<UInt8>(bitPattern: address)?.deallocate()
          }, workers: 1)),
      format: .ndjson)
    try runner.run("let z = take 1")
    runner.replaceRecords(with: JSONBuffer("[]"))
    #expect(!released.value)
    try runner.run("z | select id\ncount")
    #expect(collected.text == "{\"id\":\"c1\"}\n{\"count\":0}\n")
  }

  @Test func refreshSwapsInTheNewRecords() throws {
    let cache = FakeCache(next: #"[{"id": "n1"}, {"id": "n2"}, {"id": "n3"}]"#)
    let (runner, collected) = runner(cache: cache)
    try runner.run("count\n.refresh\ncount")
    #expect(cache.refreshes == 1)
    #expect(collected.text == "count\n2\nfake cache, 1 refreshes\n\ncount\n3\n")
  }

  @Test func cacheDescribesAndClears() throws {
    let cache = FakeCache(next: "[]")
    let (runner, collected) = runner(cache: cache)
    try runner.run(".cache\n.cache clear\n.offline\n.offline on\n.offline")
    #expect(collected.text.hasPrefix("fake cache, 0 refreshes\ncache cleared"))
    #expect(collected.text.hasSuffix("offline: off\noffline: on\n"))
    #expect(cache.cleared)
    #expect(cache.offline)
    #expect(throws: ShellError.self) { try runner.run(".offline maybe") }
  }

  @Test func cacheCommandsNeedACache() {
    let (runner, _) = runner(cache: nil)
    for command in [".refresh", ".cache", ".offline on"] {
      #expect(throws: ShellError.self, "\(command)") { try runner.run(command) }
    }
  }
}

@Suite struct MoreDotCommandTests {
  @Test func settingsWithoutAnArgumentShowTheCurrentValue() throws {
    #expect(
      try runScript(".format\n.format json\n.format\n.timer") == "format: csv\nformat: json\ntimer: off\n")
  }

  @Test func exitIsQuit() throws {
    #expect(try runScript("count\n.exit\ncount") == "count\n2\n")
  }

  @Test func timerReportsEachStatementsTime() throws {
    let (runner, collected) = collectingRunner()
    try runner.run(".timer on\ncount\ncount\n.timer off\ncount")
    #expect(collected.errors.count == 2)
    #expect(collected.errors.allSatisfy { $0.hasPrefix("time: ") && $0.hasSuffix(" ms") })
  }

  @Test func runExecutesAnotherScriptFile() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dcq-run-\(UUID().uuidString).dcq")
    try "where finished | select id\n".write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(try runScript(".run \(file.path)") == "id\nc1\n")
    #expect(throws: ShellError.self) { try runScript(".run /nonexistent/file.dcq") }
  }

  @Test func historyIsOnlyForTheRepl() throws {
    #expect(throws: ShellError.self) { try runScript(".history") }
    let (runner, collected) = collectingRunner(source: EmptyRecordSource())
    runner.history = { count in Array(["a", "b", "c"].suffix(count)) }
    try runner.run(".history 2")
    #expect(collected.text == "b\nc\n")
  }
}

/// Set when a buffer's memory is released.
final class Released: Sendable {
  private let flag = Atomic<Bool>(false)
  func mark() { flag.store(true, ordering: .relaxed) }
  var value: Bool { flag.load(ordering: .relaxed) }
}
