import ConformanceModel

/// Builds the values the input cases send. Values are classified afterwards by the input's own constraints,
/// so the expectation of a case follows from the profile, never from the generator's intent.
enum ValueGenerator {
    /// Characters that a pattern might wrongly let through, each named for the case id. URL-significant ones
    /// come first because they are where servers and clients disagree most.
    static let probes: [(name: String, text: String)] = [
        ("char-slash", "/"), ("char-question", "?"), ("char-hash", "#"), ("char-percent", "%"), ("dotdot", ".."),
        ("char-space", " "), ("char-dot", "."), ("char-hyphen", "-"), ("char-underscore", "_"), ("char-plus", "+"),
        ("char-equals", "="), ("char-colon", ":"), ("char-ampersand", "&"), ("char-backslash", "\\"),
        ("char-upper", "Z"), ("char-digit", "7"), ("non-ascii", "é"), ("emoji", "😀"),
    ]

    /// A well-formed value that should name nothing on any target.
    static func unknownValue(for input: Input) -> String? {
        let candidates = [
            "00000000-0000-4000-8000-0000c0ffee00",
            "conformance-unknown-0001",
            "arn:aws:s3:us-east-1:000000000000:async-request/mrap/createmultiregionaccesspoint/conformance-unknown",
            "987654321098",
            "987654321",
        ]
        return candidates.first(where: input.admits)
    }

    /// Any valid value: the documents' own samples first, then the unknown candidates.
    static func validBase(for input: Input) -> String? {
        input.samples.map(\.value).first(where: input.admits) ?? unknownValue(for: input)
    }

    /// A value of exactly `length` characters that keeps every rule but length where that is possible.
    static func value(ofLength length: Int, for input: Input) -> String {
        let base = validBase(for: input) ?? ""
        var candidates = ["a", "0", "A"].map { String(repeating: $0, count: length) }
        if length >= base.count {
            candidates += ["a", "0"].map { base + String(repeating: $0, count: length - base.count) }
        } else {
            candidates.append(String(base.prefix(length)))
        }
        let others = input.constraints.filter { $0.kind != .length }
        return candidates.first { value in others.allSatisfy { $0.admits(value, type: input.type) } } ?? candidates[0]
    }

    /// `base` with the letter or digit nearest its middle replaced by `text`, so the probe sits between valid
    /// characters and never merely repeats a separator the value already had (which would send the value unchanged).
    static func replacingMiddle(of base: String, with text: String) -> String {
        var characters = Array(base)
        guard characters.count >= 3 else { return base + text }
        let middle = characters.count / 2
        let order = (0..<characters.count).sorted { abs($0 - middle) < abs($1 - middle) }
        let position = order.first { characters[$0].isLetter || characters[$0].isNumber } ?? middle
        characters.replaceSubrange(position...position, with: Array(text))
        return String(characters)
    }

    static let uuidVariants: [(name: String, value: String)] = [
        ("uppercase", "00000000-0000-4000-8000-0000C0FFEE00"),
        ("no-hyphens", "000000000000400080000000c0ffee00"),
        ("too-short", "00000000-0000-4000-8000-0000c0ffee0"),
        ("too-long", "00000000-0000-4000-8000-0000c0ffee000"),
        ("group-sizes", "000000000-000-4000-8000-0000c0ffee00"),
        ("non-hex", "00000000-0000-4000-8000-0000c0ffee0g"),
        ("braces", "{00000000-0000-4000-8000-0000c0ffee00}"),
        ("urn", "urn:uuid:00000000-0000-4000-8000-0000c0ffee00"),
        ("trailing-newline", "00000000-0000-4000-8000-0000c0ffee00\n"),
    ]

    static let integerVariants: [(name: String, value: String)] = [
        ("non-integer", "abc"), ("decimal", "1.5"), ("exponent", "1e3"), ("leading-space", " 7"),
        ("negative", "-1"), ("unknown", "987654321"),
    ]
}
