/// Validates JSON text in a zero-padded buffer and finds where values end.
///
/// The grammar is RFC 8259's, except that strings are not checked to be
/// valid UTF-8: `JSONText.string` repairs bad bytes with U+FFFD.
///
/// Why the unsafe pointer reads are safe: the buffer is followed by at least
/// 64 zero bytes, a zero byte stops every loop here (no JSON token holds
/// one), so the scanner never moves past `end`, and every read is at most 8
/// bytes beyond a position it may stand on.
struct JSONScanner {
  typealias Pointer = UnsafePointer<UInt8>

  let base: Pointer
  /// The first padding byte (a zero).
  let end: Pointer
  let trie: TrieView
  /// This record's slots, `trie.slotCount` of them.
  let slots: UnsafeMutablePointer<JSONText?>
  /// Spill space for `skipValue`'s stack of open containers: one bit each,
  /// 64 of them in a register, the rest here (8 words cover 512 levels).
  let containerBits: UnsafeMutablePointer<UInt64>

  // MARK: Faults

  @inline(never)
  func fault(_ position: Pointer, _ reason: ScanFault.Reason) -> ScanFault {
    ScanFault(offset: position - base, reason: reason)
  }

  /// The fault for a byte that cannot stand where it is.
  @inline(never)
  func unexpected(_ position: Pointer) -> ScanFault {
    fault(position, position >= end ? .unexpectedEnd : .unexpectedCharacter)
  }

  // MARK: Tokens

  @inline(__always)
  static func load8(_ position: Pointer) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(position).loadUnaligned(as: UInt64.self))
  }

  @inline(__always)
  func skipWhitespace(_ position: Pointer) -> Pointer {
    if position.pointee > 0x20 { return position }
    // One space, as after `,` and `:` in `", "`-separated JSON.
    if position.pointee == 0x20 && position[1] > 0x20 { return position + 1 }
    return skipWhitespaceRun(position)
  }

  func skipWhitespaceRun(_ start: Pointer) -> Pointer {
    var position = start
    while true {
      switch position.pointee {
      case 0x20, 0x0A, 0x0D, 0x09:
        position += 1
        // Indentation: runs of spaces, 8 at a time.
        while Self.load8(position) == 0x2020_2020_2020_2020 { position += 8 }
      default:
        return position
      }
    }
  }

  /// Bytes of `word` that end a run of plain string bytes: `"`, `\` or a
  /// control byte (zero included). Each flagged byte has its top bit set; only
  /// the lowest flag is exact (borrows may flag bytes above it), which is the
  /// one used.
  @inline(__always)
  static func stringStops(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let quotes = word ^ 0x2222_2222_2222_2222
    let backslashes = word ^ 0x5C5C_5C5C_5C5C_5C5C
    let quoteFlags = (quotes &- ones) & ~quotes
    let backslashFlags = (backslashes &- ones) & ~backslashes
    let controlFlags = (word &- 0x2020_2020_2020_2020) & ~word
    return (quoteFlags | backslashFlags | controlFlags) & 0x8080_8080_8080_8080
  }

  /// Scans the string whose opening quote is at `quote`; returns the position
  /// after its closing quote, and sets `escaped` when it holds an escape.
  @inline(__always)
  func scanString(_ quote: Pointer, escaped: inout Bool) throws(ScanFault) -> Pointer {
    var position = quote + 1
    while true {
      // Two words a step: one branch per 16 bytes of a long string.
      let first = Self.stringStops(Self.load8(position))
      if first != 0 {
        position += first.trailingZeroBitCount &>> 3
      } else {
        let second = Self.stringStops(Self.load8(position + 8))
        if second == 0 {
          position += 16
          continue
        }
        position += 8 + second.trailingZeroBitCount &>> 3
      }
      if position.pointee == UInt8(ascii: "\"") { return position + 1 }
      escaped = true
      position = try scanEscape(position, quote: quote)
    }
  }

  @inline(__always)
  func scanString(_ quote: Pointer) throws(ScanFault) -> Pointer {
    var escaped = false
    return try scanString(quote, escaped: &escaped)
  }

  /// At a `\` or a control byte inside a string: the position after the
  /// escape, or the fault.
  @inline(never)
  func scanEscape(_ position: Pointer, quote: Pointer) throws(ScanFault) -> Pointer {
    let byte = position.pointee
    guard byte == UInt8(ascii: "\\") else {
      if position >= end { throw fault(quote, .unterminatedString) }
      throw fault(position, .controlCharacter)
    }
    switch position[1] {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
      UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      return position + 2
    case UInt8(ascii: "u"):
      // A zero byte is not a hex digit, so this stops at the end too.
      for index in 2..<6 where JSONStringDecoder.hexDigit(position[index]) == nil {
        throw fault(position, .invalidEscape)
      }
      return position + 6
    default:
      if position + 1 >= end { throw fault(quote, .unterminatedString) }
      throw fault(position, .invalidEscape)
    }
  }

  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

  /// Scans a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
  func scanNumber(_ start: Pointer) throws(ScanFault) -> Pointer {
    var position = start
    if position.pointee == UInt8(ascii: "-") { position += 1 }
    if position.pointee == UInt8(ascii: "0") {
      position += 1
      if Self.isDigit(position.pointee) { throw fault(position, .invalidNumber) }
    } else if Self.isDigit(position.pointee) {
      repeat { position += 1 } while Self.isDigit(position.pointee)
    } else {
      throw fault(position, .invalidNumber)
    }
    if position.pointee == UInt8(ascii: ".") {
      position += 1
      guard Self.isDigit(position.pointee) else { throw fault(position, .invalidNumber) }
      repeat { position += 1 } while Self.isDigit(position.pointee)
    }
    if position.pointee | 0x20 == UInt8(ascii: "e") {
      position += 1
      if position.pointee == UInt8(ascii: "+") || position.pointee == UInt8(ascii: "-") {
        position += 1
      }
      guard Self.isDigit(position.pointee) else { throw fault(position, .invalidNumber) }
      repeat { position += 1 } while Self.isDigit(position.pointee)
    }
    return position
  }

  /// Scans a value that is not an object or array.
  @inline(__always)
  func scanScalar(_ position: Pointer) throws(ScanFault) -> Pointer {
    switch position.pointee {
    case UInt8(ascii: "\""):
      return try scanString(position)
    case UInt8(ascii: "t"):
      // "true" as a little-endian word.
      guard UnsafeRawPointer(position).loadUnaligned(as: UInt32.self) == UInt32(littleEndian: 0x6575_7274)
      else { throw fault(position, .invalidLiteral) }
      return position + 4
    case UInt8(ascii: "f"):
      // "alse".
      guard UnsafeRawPointer(position + 1).loadUnaligned(as: UInt32.self) == UInt32(littleEndian: 0x6573_6C61)
      else { throw fault(position, .invalidLiteral) }
      return position + 5
    case UInt8(ascii: "n"):
      // "null".
      guard UnsafeRawPointer(position).loadUnaligned(as: UInt32.self) == UInt32(littleEndian: 0x6C6C_756E)
      else { throw fault(position, .invalidLiteral) }
      return position + 4
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return try scanNumber(position)
    default:
      throw unexpected(position)
    }
  }

  // MARK: Values

  /// Scans (validates) the value at `start`, enclosed by `depth` containers;
  /// returns the position just after it. Iterative: the nesting limit, not
  /// the thread's stack, bounds how deep input may go.
  func skipValue(_ start: Pointer, depth: Int) throws(ScanFault) -> Pointer {
    var position = start
    var opener = position.pointee
    guard opener == UInt8(ascii: "{") || opener == UInt8(ascii: "[") else {
      return try scanScalar(position)
    }
    let levelLimit = ScanFault.maximumDepth - depth
    var level = 0
    // Bit 0 is the innermost open container: 1 for an object, 0 for an array.
    var kinds: UInt64 = 0
    while true {
      // At a value's first byte.
      opener = position.pointee
      if opener == UInt8(ascii: "{") || opener == UInt8(ascii: "[") {
        if level >= levelLimit { throw fault(position, .tooDeep) }
        if level != 0 && level & 63 == 0 {
          containerBits[(level &>> 6) - 1] = kinds
          kinds = 0
        }
        level += 1
        position = skipWhitespace(position + 1)
        if opener == UInt8(ascii: "{") {
          kinds = kinds << 1 | 1
          if position.pointee != UInt8(ascii: "}") {
            position = try scanMemberName(position)
            continue
          }
        } else {
          kinds = kinds << 1
          if position.pointee != UInt8(ascii: "]") { continue }
        }
        // An empty container: close it below as a finished value.
        position += 1
        level -= 1
        kinds >>= 1
        if level != 0 && level & 63 == 0 { kinds = containerBits[(level &>> 6) - 1] }
      } else {
        position = try scanScalar(position)
      }
      // After a whole value: a separator, or closing brackets.
      while true {
        if level == 0 { return position }
        position = skipWhitespace(position)
        let byte = position.pointee
        let inObject = kinds & 1 != 0
        if byte == UInt8(ascii: ",") {
          let comma = position
          position = skipWhitespace(position + 1)
          if inObject {
            if position.pointee == UInt8(ascii: "}") { throw fault(comma, .trailingComma) }
            position = try scanMemberName(position)
          } else if position.pointee == UInt8(ascii: "]") {
            throw fault(comma, .trailingComma)
          }
          break
        }
        guard byte == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
          throw unexpected(position)
        }
        position += 1
        level -= 1
        kinds >>= 1
        if level != 0 && level & 63 == 0 { kinds = containerBits[(level &>> 6) - 1] }
      }
    }
  }

  /// Scans `"name" :` and the whitespace after it; returns the value's position.
  @inline(__always)
  func scanMemberName(_ start: Pointer) throws(ScanFault) -> Pointer {
    guard start.pointee == UInt8(ascii: "\"") else { throw unexpected(start) }
    var position = skipWhitespace(try scanString(start))
    guard position.pointee == UInt8(ascii: ":") else { throw unexpected(position) }
    position = skipWhitespace(position + 1)
    return position
  }
}
