import QueryLanguage
import Testing

@testable import OutputFormatting

@Suite struct NumberTextTests {
  @Test(
    arguments: [
      (3.0, "3"), (0.1, "0.1"), (1e21, "1e+21"), (-0.0, "0"), (0.0, "0"),
      (9_007_199_254_740_992, "9007199254740992"), (-9_007_199_254_740_992, "-9007199254740992"),
      (9_007_199_254_740_994, "9.007199254740994e+15"), (1.0 / 3, "0.3333333333333333"),
      (1e20, "1e+20"), (1e-7, "1e-7"), (-1.5e-7, "-1.5e-7"), (1.5, "1.5"), (-2.5, "-2.5"),
      (123_456_789, "123456789"), (0.1 + 0.2, "0.30000000000000004"),
      (Double.leastNonzeroMagnitude, "5e-324"),
      (1.7976931348623157e308, "1.7976931348623157e+308"), (1e15 + 0.5, "1000000000000000.5"),
      (-42, "-42"), (0.0001, "0.0001"),
    ] as [(Double, String)])
  func finite(value: Double, expected: String) {
    #expect(NumberText.text(value) == expected)
  }

  @Test(arguments: [Double.infinity, -Double.infinity, Double.nan])
  func nonFiniteHasNoText(value: Double) {
    #expect(NumberText.text(value) == nil)
    #expect(JSONWriter.compact(.number(value)) == "null")
    #expect(CellText.text(.number(value)) == "")
  }
}

@Suite struct TimestampTextTests {
  @Test(
    arguments: [
      (0, "1970-01-01T00:00:00.000Z"), (1_750_713_539_068, "2025-06-23T21:18:59.068Z"),
      (-1, "1969-12-31T23:59:59.999Z"), (951_782_400_000, "2000-02-29T00:00:00.000Z"),
      (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
      (253_402_300_800_000, "+010000-01-01T00:00:00.000Z"),
      (-62_135_596_800_001, "0000-12-31T23:59:59.999Z"),
      (-62_167_219_200_001, "-000001-12-31T23:59:59.999Z"),
      (1_750_713_539_068.4, "2025-06-23T21:18:59.068Z"),
    ] as [(Double, String)])
  func iso8601(milliseconds: Double, expected: String) {
    #expect(TimestampText.text(milliseconds) == expected)
  }

  @Test func outOfRangeIsNull() {
    #expect(TimestampText.text(.nan) == nil)
    #expect(TimestampText.text(1e300) == nil)
    #expect(JSONWriter.compact(.timestamp(.infinity)) == "null")
  }
}

@Suite struct DurationTextTests {
  @Test(
    arguments: [
      (0, "0s"), (1500, "1.5s"), (90000, "1m30s"), (3_600_000, "1h"), (5_400_000, "1h30m"),
      (12_310_000, "3h25m10s"), (604_800_000, "7d"), (-7_200_000, "-2h"), (3_605_000, "1h0m5s"),
      (86_400_500, "1d0h0m0.5s"), (59999, "59.999s"), (-1500, "-1.5s"), (100, "0.1s"),
      (-0.0, "0s"), (93_784_000, "1d2h3m4s"),
    ] as [(Double, String)])
  func tableUnits(milliseconds: Double, expected: String) {
    #expect(DurationText.unitsText(milliseconds) == expected)
  }

  @Test(
    arguments: [(90000, "90"), (1500, "1.5"), (1, "0.001"), (-500, "-0.5"), (0, "0")]
      as [(Double, String)])
  func seconds(milliseconds: Double, expected: String) {
    #expect(text { DurationText.appendSeconds(milliseconds, to: &$0) } == expected)
  }

  @Test func nonFinite() {
    #expect(DurationText.unitsText(.infinity) == nil)
    #expect(JSONWriter.compact(.duration(.nan)) == "null")
  }
}
