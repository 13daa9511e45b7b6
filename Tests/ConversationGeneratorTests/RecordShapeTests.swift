import ConversationGenerator
import Foundation
import Testing

/// Key orders of the reference record (datacrazy-conversations-api.txt).
private let referenceOrders: [(path: [String], keys: [String])] = [
  (
    [],
    [
      "id", "createdAt", "updatedAt", "deletedAt", "name", "description", "imageURL", "isGroup",
      "automationEnabled", "contact", "instance", "attendants", "lastMessageDate",
      "lastReceivedMessageDate", "lastSendedMessageDate", "currentDepartment", "currentThread",
      "hidden", "finished", "isPending", "sourceReferral", "lastMessageIsAutomation",
    ]
  ),
  (
    ["contact"],
    [
      "id", "createdAt", "updatedAt", "name", "imageURL", "contactId", "platform", "externalId",
      "accountName", "pending", "externalInfo",
    ]
  ),
  (["contact", "externalInfo"], ["tagIds", "stageIds", "pipelineIds"]),
  (
    ["instance"],
    [
      "id", "name", "createdAt", "updatedAt", "platform", "provider", "engine", "config", "isActive",
      "webhook", "status", "errorCode", "errorMessage", "deletedAt",
    ]
  ),
  (
    ["instance", "config"],
    [
      "endAutomationInterval", "endTypingInterval", "evolutionApiUrl", "evolutionInstanceId",
      "evolutionInstanceToken", "listenGroups", "startAutomationInterval", "startTypingInterval",
      "typingInterval",
    ]
  ),
  (["currentDepartment"], ["id", "tenantId", "createdAt", "name", "color", "main", "updatedAt"]),
  (
    ["currentThread"],
    [
      "id", "code", "startedAt", "finishedAt", "attendants", "conversationId", "department",
      "durationInMs", "waitTimeInMs",
    ]
  ),
  (["sourceReferral"], ["sourceId", "sourceUrl", "ctwaId"]),
]

@Test func keysFollowTheReferenceOrder() throws {
  let sample = try Sample()
  var objectsSeen = [Int](repeating: 0, count: referenceOrders.count)
  for (lineNumber, line) in sample.lines.enumerated() {
    let record = try #require(OrderedJSONObject(line))
    for (index, reference) in referenceOrders.enumerated() {
      guard let object = reference.path.reduce(Optional(record), { $0?.object($1) }) else { continue }
      objectsSeen[index] += 1
      let known = object.keys.filter(reference.keys.contains)
      #expect(known == reference.keys.filter(known.contains), "record \(lineNumber), \(reference.path)")
      if lineNumber == 0 && reference.path.isEmpty {
        #expect(known.count >= reference.keys.count - 3, "the first record has most of the fields")
      }
    }
  }
  #expect(objectsSeen.allSatisfy { $0 > 100 }, "every kind of object appears")
  // The instance repeats the reference's whole shape.
  let first = try #require(OrderedJSONObject(sample.lines[0]))
  #expect(first.object("instance")?.keys == referenceOrders[3].keys)
  #expect(first.object("instance")?.object("config")?.keys == referenceOrders[4].keys)
}

@Test func everyQuirkAppearsInTwoThousandRecords() throws {
  let sample = try Sample(count: 2000)

  // hidden is a string, never a boolean.
  let hidden = sample.values("hidden")
  #expect(hidden.allSatisfy { $0 is String })
  #expect(Set(sample.strings("hidden")) == ["true", "false"])

  // Comma-separated id lists, sometimes empty.
  for path in [
    "contact.externalInfo.tagIds", "contact.externalInfo.stageIds", "contact.externalInfo.pipelineIds",
  ] {
    let lists = sample.strings(path)
    #expect(lists.contains(""), "\(path)")
    #expect(lists.contains { $0.contains(",") }, "\(path)")
    #expect(
      lists.allSatisfy { $0.isEmpty || $0.split(separator: ",").allSatisfy { $0.count == 36 } }, "\(path)")
  }

  // Soft-deleted records, and deletedAt null or absent on the others.
  let deleted = sample.presence("deletedAt")
  #expect(deleted.set > 0 && deleted.null > 0 && deleted.absent > 0)

  // Fields absent on some records, not always the same ones.
  let sometimesAbsent = [
    "description", "imageURL", "automationEnabled", "attendants", "lastSendedMessageDate",
    "currentDepartment", "currentThread", "isPending", "sourceReferral", "lastMessageIsAutomation",
    "contact.imageURL", "contact.accountName", "contact.externalInfo",
  ]
  for path in sometimesAbsent {
    let presence = sample.presence(path)
    #expect(presence.absent > 0 && presence.set > 0, "\(path)")
  }
  #expect(sample.presence("currentDepartment").null > 0)
  #expect(sample.presence("currentThread").null > 0)
  let absentSets = Set(
    sample.records.map { record in sometimesAbsent.filter { value(at: $0, in: record) == nil } })
  #expect(absentSets.count > 20)

  // Fields the reference does not name.
  for path in ["priority", "labels", "__v", "contact.email"] {
    #expect(sample.presence(path).set > 0, "\(path)")
  }

  // Thread durations typed loosely: numbers mostly, strings of digits sometimes.
  for path in ["currentThread.durationInMs", "currentThread.waitTimeInMs"] {
    let values = sample.values(path).compactMap { $0 }.filter { !($0 is NSNull) }
    let strings = values.compactMap { $0 as? String }
    #expect(strings.count > 0 && strings.count < values.count / 4, "\(path)")
    #expect(strings.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }, "\(path)")
  }

  // Accented names, precomposed and (rarely) decomposed; emoji.
  let names = sample.strings("contact.name")
  let precomposed: Set<Unicode.Scalar> = ["ã", "é", "ç", "ô", "Â", "í", "ü"]
  #expect(names.filter { $0.unicodeScalars.contains(where: precomposed.contains) }.count > 100)
  let decomposed = names.filter { $0.unicodeScalars.contains("\u{301}") }
  #expect(decomposed.count > 0 && decomposed.count < names.count / 20)
  #expect(names.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })

  // Descriptions that trip naive parsers and CSV writers.
  let descriptions = sample.strings("description")
  let needles = ["\"", "\t", "\n", "\r\n", ",", "\\", "},{", "}, {"]
  for needle in needles {
    #expect(
      descriptions.contains { $0.unicodeScalars.contains(needle.unicodeScalars) },
      "\(needle.debugDescription)")
  }
  #expect(descriptions.contains(""))
  #expect(descriptions.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
  #expect(sample.presence("description").null > 0)

  // Contact numbers are strings of digits.
  for path in ["contact.id", "contact.contactId"] {
    #expect(sample.strings(path).allSatisfy { $0.count >= 12 && $0.allSatisfy(\.isASCII) && Int($0) != nil })
  }
}

@Test func poolsAreSmallEnoughToGroupBy() throws {
  let sample = try Sample()
  let attendants = sample.values("attendants").compactMap { $0 as? [[String: Any]] }.flatMap { $0 }
  #expect((10...15).contains(Set(attendants.compactMap { $0["id"] as? String }).count))
  #expect((4...6).contains(Set(sample.strings("instance.id")).count))
  let departments: Set = [
    "Pós-vendas", "Comercial", "Suporte Técnico", "Financeiro", "Atendimento", "Cobrança", "Logística",
    "Marketing",
  ]
  #expect(Set(sample.strings("currentDepartment.name")) == departments)

  let platforms = Dictionary(grouping: sample.strings("contact.platform"), by: { $0 }).mapValues(\.count)
  #expect(platforms.max { $0.value < $1.value }?.key == "WHATSAPP")
  #expect(Set(platforms.keys).isSuperset(of: ["WHATSAPP", "INSTAGRAM", "FACEBOOK", "TELEGRAM"]))
  #expect(platforms.count > 4)

  // Some contacts have several conversations, and show the same contact in each.
  var contacts: [String: ArraySlice<UInt8>] = [:]
  var repeats = 0
  for (record, line) in zip(sample.records, sample.lines) {
    let id = try #require(value(at: "contact.id", in: record) as? String)
    let text = try #require(OrderedJSONObject(line)?.text("contact"))
    if let seen = contacts[id] {
      repeats += 1
      #expect(seen.elementsEqual(text), "contact \(id)")
    }
    contacts[id] = text
  }
  #expect(repeats > 100)
}

@Test func sharesMatchTheBrief() throws {
  let sample = try Sample(count: 5000)
  func share(_ count: Int) -> Double { Double(count) / Double(sample.records.count) }
  #expect((0.015...0.05).contains(share(sample.presence("deletedAt").set)))
  #expect((0.55...0.65).contains(share(sample.values("finished").filter { $0 as? Bool == true }.count)))
  #expect((0.15...0.25).contains(share(sample.presence("sourceReferral").set)))
  #expect((0.01...0.1).contains(share(sample.strings("hidden").filter { $0 == "true" }.count)))
  let size = ConversationGenerator().data(count: 5000, format: .ndjson).count / 5000
  #expect((1800...2800).contains(size), "about 2 KB per record, was \(size)")
}
