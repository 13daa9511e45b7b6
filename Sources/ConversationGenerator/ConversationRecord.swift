/// Where one conversation stands before it is drawn: the values the output
/// is sorted by, chosen first so the records can be written newest first.
struct PlannedConversation {
  /// The conversation's own number, which seeds everything else about it.
  var index: Int
  var contact: Int
  var lastMessage: Int64
}

/// Writes one conversation as compact JSON, its keys in the reference
/// record's order, with the API's quirks: fields absent on some records,
/// `hidden` as a string, thread durations sometimes strings of digits,
/// extra fields the reference does not name.
struct ConversationRecord {
  let seed: UInt64
  let window: TimeWindow
  let catalog: Catalog

  func write(_ planned: PlannedConversation, into writer: inout ByteWriter) {
    var random = SeededRandom(seed: seed, stream: .record, index: planned.index)
    let contact = Contact(number: planned.contact, seed: seed, window: window)
    let last = planned.lastMessage
    let age = TimeWindow.duration(
      [
        (300, TimeWindow.minute...TimeWindow.hour), (300, TimeWindow.hour...TimeWindow.day),
        (250, TimeWindow.day...7 * TimeWindow.day), (150, 7 * TimeWindow.day...45 * TimeWindow.day),
      ], random: &random)
    // Not before the contact or the window; drawn again rather than
    // clamped, which would pile dates up at the window's start.
    let earliest = max(contact.createdAt, window.start)
    let createdAt = last - age >= earliest ? last - age : random.inRange(earliest...last)
    let finished = random.chance(600)
    let unstarted = !finished && random.chance(150)
    // Nothing happens at or after the window's end.
    let finishedAt =
      finished ? last + random.inRange(0...min(2 * TimeWindow.hour, window.end - 1 - last)) : nil
    let lastChange = finishedAt ?? last
    let updatedAt = lastChange + random.inRange(0...min(3000, window.end - 1 - lastChange))
    let id = ObjectID(milliseconds: createdAt, process: catalog.conversationProcess, serial: planned.index)

    writer.byte(UInt8(ascii: "{"))
    writer.firstKey("id")
    writer.objectID(id)
    writer.key("createdAt")
    writer.timestamp(createdAt)
    writer.key("updatedAt")
    writer.timestamp(updatedAt)
    if random.chance(30) {
      writer.key("deletedAt")
      writer.timestamp(random.inRange(updatedAt...window.end - 1))
    } else if random.chance(700) {
      writer.key("deletedAt")
      writer.null()
    }
    writer.key("name")
    writeName(of: contact, into: &writer, random: &random)
    if random.chance(960) {
      writer.key("description")
      Description.write(into: &writer, random: &random)
    }
    writeImageURL(into: &writer, random: &random)
    writer.key("isGroup")
    writer.bool(contact.isGroup)
    let automationEnabled = random.chance(700)
    if random.chance(970) {
      writer.key("automationEnabled")
      writer.bool(automationEnabled)
    }
    writer.key("contact")
    contact.write(into: &writer, catalog: catalog)
    writer.key("instance")
    writer.raw(catalog.instances[Catalog.instance(for: contact.platform, random: &random)])

    let attendants = unstarted ? [] : pickAttendants(random: &random)
    if random.chance(980) {
      writer.key("attendants")
      writer.byte(UInt8(ascii: "["))
      for (index, attendant) in attendants.enumerated() {
        writer.raw(index == 0 ? "{\"id\":" : ",{\"id\":")
        writer.objectID(attendant)
        writer.byte(UInt8(ascii: "}"))
      }
      writer.byte(UInt8(ascii: "]"))
    }

    // The last message came from the contact or from the account; the
    // other side's last message is earlier, or never happened.
    let lastFromContact = unstarted || random.chance(550)
    let earlier = last - random.inRange(0...max(0, last - createdAt))
    let received: Int64? = lastFromContact ? last : (random.chance(30) ? nil : earlier)
    let sent: Int64? = lastFromContact ? (unstarted ? nil : earlier) : last
    writer.key("lastMessageDate")
    writer.timestamp(last)
    writer.key("lastReceivedMessageDate")
    writer.timestamp(received)
    if random.chance(980) {
      writer.key("lastSendedMessageDate")
      writer.timestamp(sent)
    }

    let department = catalog.departments[random.weighted(catalog.departmentWeights)]
    let departmentShown = random.below(100)
    if departmentShown < 97 {
      writer.key("currentDepartment")
      if departmentShown < 92 { writer.raw(department.json) } else { writer.null() }
    }
    if unstarted {
      writer.key("currentThread")
      writer.null()
    } else if random.chance(980) {
      writer.key("currentThread")
      let thread = ConversationThread(
        conversation: id, serial: planned.index,
        startedAt: createdAt + random.inRange(0...(last - createdAt) / 3), finishedAt: finishedAt,
        attendants: attendants, department: departmentShown < 92 ? department.id : nil)
      thread.write(into: &writer, process: catalog.threadProcess, random: &random)
    }

    writer.key("hidden")
    writer.raw(random.chance(40) ? "\"true\"" : "\"false\"")
    writer.key("finished")
    writer.bool(finished)
    if random.chance(970) {
      writer.key("isPending")
      writer.bool(unstarted || (!finished && random.chance(350)))
    }
    if random.chance(200) {
      writer.key("sourceReferral")
      writeSourceReferral(into: &writer, random: &random)
    }
    if random.chance(960) {
      writer.key("lastMessageIsAutomation")
      writer.bool(!lastFromContact && automationEnabled && random.chance(400))
    }
    writeExtraFields(into: &writer, random: &random)
    writer.byte(UInt8(ascii: "}"))
  }

  /// Mostly the contact's name; sometimes a business or another person.
  private func writeName(of contact: Contact, into writer: inout ByteWriter, random: inout SeededRandom) {
    writer.byte(UInt8(ascii: "\""))
    let roll = random.below(100)
    if contact.isGroup || roll < 85 {
      contact.writeName(into: &writer)
    } else if roll < 93 {
      writer.raw(random.element(of: Vocabulary.companyNames).json)
    } else {
      writer.raw(random.element(of: Vocabulary.firstNames).json)
      writer.byte(UInt8(ascii: " "))
      writer.raw(random.element(of: Vocabulary.surnames).json)
    }
    writer.byte(UInt8(ascii: "\""))
  }

  private func writeImageURL(into writer: inout ByteWriter, random: inout SeededRandom) {
    switch random.below(100) {
    case 0..<45:
      writer.key("imageURL")
      catalog.writeImageURL(into: &writer, random: &random)
    case 45..<92:
      writer.key("imageURL")
      writer.null()
    default: break
    }
  }

  /// No attendant to three, distinct, the busiest ones most often.
  private func pickAttendants(random: inout SeededRandom) -> [ObjectID] {
    let count = [0, 1, 1, 1, 1, 1, 2, 2, 3, 1][random.below(10)]
    var picked: [ObjectID] = []
    while picked.count < count {
      let attendant = catalog.attendants[random.weighted(catalog.attendantWeights)]
      if !picked.contains(attendant) { picked.append(attendant) }
    }
    return picked
  }

  private func writeSourceReferral(into writer: inout ByteWriter, random: inout SeededRandom) {
    let campaign = random.element(of: catalog.campaigns)
    writer.byte(UInt8(ascii: "{"))
    writer.firstKey("sourceId")
    writer.uuid(campaign.sourceID)
    writer.key("sourceUrl")
    if random.chance(900) { writer.string(campaign.url) } else { writer.null() }
    writer.key("ctwaId")
    writer.uuid(UUIDValue(&random))
    writer.byte(UInt8(ascii: "}"))
  }

  /// Fields the reference record does not have, on a few records.
  private func writeExtraFields(into writer: inout ByteWriter, random: inout SeededRandom) {
    if random.chance(60) {
      writer.key("priority")
      writer.string(random.element(of: Vocabulary.priorities).json)
    }
    if random.chance(50) {
      writer.key("labels")
      let first = random.below(Vocabulary.labels.count)
      writer.byte(UInt8(ascii: "["))
      for index in 0..<1 + random.below(3) {
        if index > 0 { writer.byte(UInt8(ascii: ",")) }
        writer.string(Vocabulary.labels[(first + index) % Vocabulary.labels.count].json)
      }
      writer.byte(UInt8(ascii: "]"))
    }
    if random.chance(30) {
      writer.key("__v")
      writer.integer(0)
    }
  }
}
