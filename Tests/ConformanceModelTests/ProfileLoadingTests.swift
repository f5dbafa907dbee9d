import ConformanceModel
import Foundation
import TestFixtures
import Testing

@Suite("Profile loading")
struct ProfileLoadingTests {
    @Test("the five shipped profiles load and validate")
    func shippedProfilesLoad() throws {
        let profiles = try ProfileLoader.loadAll()
        #expect(profiles.map(\.api) == ["centurylink", "cloudcontrol", "codecatalyst", "oracle", "s3control"])
        for profile in profiles {
            #expect(!profile.anomalies.isEmpty, "\(profile.api) records its documents' anomalies")
        }
    }

    @Test("every rule in every profile names a source with words from it")
    func everyRuleHasASource() throws {
        for profile in try ProfileLoader.loadAll() {
            for source in profile.allSources {
                #expect(
                    !source.quote.isEmpty && profile.documents[source.document] != nil,
                    "\(profile.api): source '\(source.document)' must be listed in documents and quote its words")
            }
        }
    }

    @Test("seed-line sources point at lines that exist in the seed", .enabled(if: SeedFiles.available))
    func seedLinesExist() throws {
        for profile in try ProfileLoader.loadAll() {
            for (key, path) in profile.documents where key.hasPrefix("seed:") {
                let lines = try SeedFiles.lines(path)
                for line in profile.referencedLines(of: key) {
                    #expect(
                        line >= 1 && line <= lines.count,
                        "\(profile.api): \(key) line \(line) is past the end (\(lines.count) lines)")
                }
            }
        }
    }

    /// A citation is only worth something if the words are where it says: every fragment of a seed quote (split at
    /// `...`) must stand on the cited lines.
    @Test("every seed citation quotes words found on the cited lines", .enabled(if: SeedFiles.available))
    func seedQuotesAreLiteral() throws {
        func normal(_ text: some StringProtocol) -> String {
            text.replacingOccurrences(of: "\\/", with: "/").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        for profile in try ProfileLoader.loadAll() {
            for source in profile.allSources where source.document.hasPrefix("seed:") {
                guard let first = source.line, let path = profile.documents[source.document] else { continue }
                let lines = try SeedFiles.lines(path)
                let last = min(source.endLine ?? first, lines.count)
                let text = normal(lines[(first - 1)..<last].joined(separator: " "))
                for fragment in source.quote.components(separatedBy: "...").map(normal) where fragment.count >= 3 {
                    #expect(
                        text.contains(fragment),
                        "\(profile.api): \(source.citation) — '\(fragment)' is not on those lines")
                }
            }
        }
    }

    /// Each mutation breaks one rule; the message must name the file, the field and the reason exactly.
    @Test(
        "a malformed profile is refused with file, field and reason",
        arguments: [
            Malformed("not JSON", { _ in .text("{ not json") }, "broken.json: is not valid JSON"),
            Malformed("missing api", { $0.removing("api") }, "broken.json: api: is required but missing"),
            Malformed("api of wrong type", { $0.setting("api", 7) }, "broken.json: api: must be a string"),
            Malformed(
                "bad pattern", { $0.setting(["inputs", 0, "constraints", 2, "pattern"], "[a-z") },
                "broken.json: inputs[0].constraints[2].pattern: is not a valid regular expression: [a-z"),
            Malformed(
                "min above max", { $0.setting(["inputs", 0, "constraints", 1, "min"], 70) },
                "broken.json: inputs[0].constraints[1].min: is greater than max (70 > 63)"),
            Malformed(
                "unknown rejection", { $0.setting(["inputs", 0, "rejection"], "codecatalyst.error.Nope") },
                "broken.json: inputs[0].rejection: names no error mapping ('codecatalyst.error.Nope')"),
            Malformed(
                "foreign id prefix", { $0.setting(["errors", 0, "id"], "oracle.error.400") },
                "broken.json: errors[0].id: id 'oracle.error.400' must start with 'codecatalyst.'"),
            Malformed(
                "duplicate id", { $0.setting(["errors", 1, "id"], "codecatalyst.error.ValidationException") },
                "broken.json: errors[1].id: id 'codecatalyst.error.ValidationException' is used twice"),
            Malformed(
                "status out of range", { $0.setting(["errors", 0, "status"], 200) },
                "broken.json: errors[0].status: must be an HTTP error status (400-599), found 200"),
            Malformed(
                "unknown fixture role", { $0.setting(["errors", 5, "fixture"], "nobody") },
                "broken.json: errors[5].fixture: must name a fixture role of this profile"),
            Malformed(
                "level without a reason", { $0.setting(["inputs", 0, "constraints", 1, "level"], "recommended") },
                "broken.json: inputs[0].constraints[1].levelReason: is required when level is given"),
            Malformed(
                "unknown level", { $0.setting(["inputs", 0, "constraints", 1, "level"], "optional") },
                "broken.json: inputs[0].constraints[1].level: Cannot initialize Level from invalid String value optional"
            ),
            Malformed(
                "unplaced input", { $0.setting(["formats", 0, "placement"], ["spaceName": "path", "id": "path"]) },
                "broken.json: formats[0].placement: does not place input 'projectName'"),
            Malformed(
                "unknown format in response", { $0.setting(["responses", 0, "format"], "yaml") },
                "broken.json: responses[0].format: must be json or xml, found 'yaml'"),
            Malformed(
                "response for a format the profile does not speak", { $0.setting(["responses", 0, "format"], "xml") },
                "broken.json: responses[0].format: names no format of this profile ('xml')"),
            Malformed(
                "unknown placement", { $0.setting(["formats", 0, "placement", "id"], "cookie") },
                "broken.json: formats[0].placement.id: Cannot initialize Placement from invalid String value cookie"),
            Malformed(
                "uncited document", { $0.setting(["inputs", 0, "constraints", 0, "source", "document"], "seed:099") },
                "broken.json: documents: has no entry for 'seed:099', which a source cites"),
            Malformed(
                "anomaly without decision", { $0.setting(["anomalies", 0, "decision"], "") },
                "broken.json: anomalies[0]: must say what was decided and why"),
        ])
    func malformedProfile(_ malformed: Malformed) throws {
        let data = try malformed.data()
        do {
            _ = try ProfileLoader.decode(data, file: "broken.json")
            Issue.record("loading succeeded; expected: \(malformed.message)")
        } catch {
            #expect("\(error)" == malformed.message)
        }
    }

    @Test("a missing profile folder is named in the error")
    func missingFolder() {
        #expect(
            throws: ConfigurationError(
                file: "/nonexistent/profiles", field: "", reason: "profile folder cannot be read")
        ) {
            try ProfileLoader.loadAll(from: URL(fileURLWithPath: "/nonexistent/profiles"))
        }
    }
}
