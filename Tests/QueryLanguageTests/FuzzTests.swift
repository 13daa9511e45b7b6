import PropertyBased
import Testing

@testable import QueryLanguage

/// Random and mutated queries and JSON: dcq answers or reports an error, never crashes or hangs.
@Suite struct FuzzTests {
  static let tokens = [
    "where", "select", "extend", "sort", "by", "take", "skip", "top", "distinct", "count", "expand",
    "summarize", "let", "x", "=", "|", "|", "\n", ";", ",", "(", ")", "[", "]", "[*]", ".", "*", "+",
    "-", "/", "%", "==", "!=", "=~", "!~", "<", ">=", "and", "or", "not", "in", "is", "null", "true",
    "contains", "!contains", "startswith", "matches", "\"(a\"", "\"a.*\"", "\"Pós\"", "'x'", "1",
    "2.5", "-3", "7d", "15m", "$p", "name", "id", "dept.name", "tags[0]", "tags[-1]", "n", "`my-field`",
    "lower(", "len(", "split(", "coalesce(", "date(", "day(", "ago(", "if(", "count()", "sum(n)",
    "percentile(n,", "list(", "asc", "desc", "#c\n", "\"", "'", "`",
  ]

  static let validQueries = [
    "where not finished | select id, who = name | sort by who desc | take 2",
    "summarize n = count(), s = sum(n), p = percentile(n, 50) by d = dept.name",
    "let open = where not finished\nopen | expand tags | distinct tags",
    "where name matches \"(?i)^a\" or n in (1, 2) | extend z = n * 2 % 3 | top 1 by z",
    "where date(t) > ago(7d) and tags[*] contains \"a\" | select day(t), len(name)",
  ]

  /// Parses and runs `query`; true when it answered or failed with a query error.
  static func survives(_ query: String) -> Bool {
    do {
      _ = try run(query, over: smallConversations, parameters: ["p": .number(1)])
      return true
    } catch let diagnostic as Diagnostic {
      let rendered = diagnostic.rendered(source: query)
      return rendered.hasPrefix("error: ") && rendered.contains("^")
    } catch {
      return false
    }
  }

  @Test func randomTokenSequences() async {
    await propertyCheck(count: 400, input: Gen.element(of: Self.tokens).array(of: 0...25)) { words in
      let query = words.compactMap { $0 }.joined(separator: " ")
      #expect(Self.survives(query), "\(query)")
    }
  }

  @Test func mutatedValidQueries() async {
    let input = zip(
      Gen.element(of: Self.validQueries), Gen.int(in: 0...200).array(of: 1...4),
      Gen.element(of: Self.tokens))
    await propertyCheck(count: 400, input: input) { query, positions, token in
      var scalars = Array(query!.unicodeScalars)
      for (step, position) in positions.enumerated() {
        let index = position % (scalars.count + 1)
        if step % 2 == 0, index < scalars.count {
          scalars.remove(at: index)
        } else {
          scalars.insert(contentsOf: (token ?? "(").unicodeScalars, at: index)
        }
      }
      let mutated = String(String.UnicodeScalarView(scalars))
      #expect(Self.survives(mutated), "\(mutated)")
    }
  }

  @Test func mutatedJSONIsReadOrRejectedWithAPlace() async {
    let input = zip(Gen.int(in: 0...10_000).array(of: 1...3), Gen.element(of: Array("{}[],:\"\\0 1ex\n")))
    await propertyCheck(count: 400, input: input) { positions, character in
      var bytes = Array(smallConversations.utf8)
      for position in positions {
        bytes[position % bytes.count] = UInt8(ascii: (character ?? "x").unicodeScalars.first!)
      }
      let text = String(decoding: bytes, as: UTF8.self)
      do {
        let sequential = try run("select id, n | count", over: text, workers: 1)
        #expect(try run("select id, n | count", over: text, workers: 2) == sequential)
      } catch let error as JSONInputError {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(error.line >= 1 && error.line <= lines && error.column >= 1, "\(error)")
      } catch {
        Issue.record("unexpected error \(error) for \(text)")
      }
    }
  }

  @Test func deeplyNestedJSONIsAnInputError() throws {
    let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONInputError.self) { try run("count", over: text) }
  }
}
