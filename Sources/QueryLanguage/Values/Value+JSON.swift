extension Value {
  /// Compact JSON: what `string()` gives for non-strings and what cells of
  /// csv, tsv and table show for arrays and objects. Timestamps are ISO 8601
  /// strings, durations seconds.
  public var compactJSON: String {
    var output = ""
    appendCompactJSON(to: &output)
    return output
  }

  public func appendCompactJSON(to output: inout String) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .number(let value): output += formatNumber(value)
    case .string(let value): appendJSONString(value, to: &output)
    case .timestamp(let value): appendJSONString(formatTimestamp(value), to: &output)
    case .duration(let value): output += formatNumber(value / 1000)
    case .array(let elements):
      output += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { output += "," }
        element.appendCompactJSON(to: &output)
      }
      output += "]"
    case .object(let object):
      output += "{"
      for (index, (key, value)) in object.members.enumerated() {
        if index > 0 { output += "," }
        appendJSONString(key, to: &output)
        output += ":"
        value.appendCompactJSON(to: &output)
      }
      output += "}"
    case .json(let text):
      switch text.kind {
      case .number: output += String(decoding: text.bytes, as: UTF8.self)
      case .array, .object: materialized.appendCompactJSON(to: &output)
      default: resolved.appendCompactJSON(to: &output)
      }
    }
  }
}

/// A computed number as dcq prints it (see `NumberText`); non-finite as null.
public func formatNumber(_ value: Double) -> String {
  NumberText.text(value) ?? "null"
}

/// `value` as a JSON string literal: quotes, backslashes and control
/// characters escaped, everything else left as UTF-8.
public func appendJSONString(_ value: String, to output: inout String) {
  output += "\""
  for scalar in value.unicodeScalars {
    switch scalar {
    case "\"": output += "\\\""
    case "\\": output += "\\\\"
    case "\n": output += "\\n"
    case "\t": output += "\\t"
    case "\r": output += "\\r"
    case "\u{08}": output += "\\b"
    case "\u{0C}": output += "\\f"
    case _ where scalar.value < 0x20:
      output += "\\u00" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
    default: output.unicodeScalars.append(scalar)
    }
  }
  output += "\""
}

/// `string()` of LANGUAGE.md §6: strings as they are, timestamps as ISO 8601,
/// other values as compact JSON.
public func stringify(_ value: Value) -> String {
  switch value.resolved {
  case .string(let text): return text
  case .timestamp(let instant): return formatTimestamp(instant)
  default: return value.compactJSON
  }
}
