/// A word of the vocabulary in the spellings the generator needs, built
/// once: JSON-escaped for output, with its accents as combining marks (the
/// way some phones send them), and folded to ASCII for handles and e-mails.
struct Word {
  /// Precomposed (NFC) UTF-8, JSON-escaped.
  let json: [UInt8]
  /// The same text with each accented letter as a letter plus a combining
  /// mark (`e` + U+0301): equal to `json` under Unicode, not byte for byte.
  let decomposed: [UInt8]
  /// ASCII letters only: `Conceição` → `Conceicao`, `D'Ávila` → `DAvila`.
  let ascii: [UInt8]
  /// `ascii` in lowercase: `conceicao`.
  let handle: [UInt8]

  init(_ text: String) {
    json = text.jsonEscaped
    var decomposedText = ""
    var asciiText = ""
    for scalar in text.unicodeScalars {
      if let (base, mark) = Self.decompositions[scalar] {
        decomposedText.unicodeScalars.append(base)
        decomposedText.unicodeScalars.append(mark)
        asciiText.unicodeScalars.append(base)
      } else {
        decomposedText.unicodeScalars.append(scalar)
        if scalar == "ß" {
          asciiText += "ss"
        } else if scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
          asciiText.unicodeScalars.append(scalar)
        }
      }
    }
    decomposed = decomposedText.jsonEscaped
    ascii = Array(asciiText.utf8)
    handle = Array(asciiText.lowercased().utf8)
  }

  /// The accented letters of Portuguese (and of the German and Spanish
  /// surnames common in southern Brazil), each as base letter and mark.
  private static let decompositions: [Unicode.Scalar: (Unicode.Scalar, Unicode.Scalar)] = {
    // Each row: a base letter, then its forms with grave, acute, circumflex,
    // tilde and diaeresis; "_" where Portuguese has none.
    let rows = [
      "aàáâãä", "eèéê_ë", "iìíî_ï", "oòóôõö", "uùúû_ü",
      "AÀÁÂÃÄ", "EÈÉÊ_Ë", "IÌÍÎ_Ï", "OÒÓÔÕÖ", "UÙÚÛ_Ü", "n___ñ_", "N___Ñ_",
    ]
    let marks: [Unicode.Scalar] = ["\u{300}", "\u{301}", "\u{302}", "\u{303}", "\u{308}"]
    var table: [Unicode.Scalar: (Unicode.Scalar, Unicode.Scalar)] = [
      "ç": ("c", "\u{327}"), "Ç": ("C", "\u{327}"),
    ]
    for row in rows {
      let scalars = Array(row.unicodeScalars)
      for (mark, composed) in zip(marks, scalars.dropFirst()) where composed != "_" {
        table[composed] = (scalars[0], mark)
      }
    }
    return table
  }()
}
